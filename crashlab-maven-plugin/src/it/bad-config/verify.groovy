def log = new File(basedir, 'build.log').text
assert log.contains('runs[1].strategy.params.threshold: expected a number in [0, 1), got "abc"')
assert !new File(basedir, 'target/crashlab/fine/results.json').exists() : 'nothing runs when the config is bad'
