def log = new File(basedir, 'build.log').text
assert log.contains(":check (default) on project it-check-fail: 1 of 2 risk limits do not hold:\n"
        + "[ERROR] run 'weekly-dca': maxDrawdown > -0.01 does not hold: maxDrawdown = -0.409742 (checks[0].rules[1])\n")
assert log.contains('checks: 1 of 2 held')
assert new File(basedir, 'target/crashlab/weekly-dca/results.json').isFile() : 'the backtest ran before the check failed'
