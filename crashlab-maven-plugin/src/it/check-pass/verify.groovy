def log = new File(basedir, 'build.log').text
assert log.contains("check run 'weekly-dca': liquidations == 0 holds: liquidations = 0 (checks[0].rules[0])")
assert log.contains("check run 'dca-on-drawdown': feesPaid >= 0 holds: feesPaid = ")
assert log.contains("check run 'dca-on-drawdown': crises[\"February\"].return > -100% holds: crises[\"February\"].return = ")
assert log.contains('checks: 6 of 6 held')
