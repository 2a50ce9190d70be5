def log = new File(basedir, 'build.log').text
assert log.contains('checks[0].rules[0]: "maxDrawdwn > -0.5" at 1: unknown figure "maxDrawdwn"; did you mean maxDrawdown?; a figure is a metric (totalReturn, cagr, ')
assert log.contains('benchmark.<metric>, regimes["<label>"].<totalReturn|maxDrawdown|timeInMarket|steps>, sweep.<figure> or walkforward.<figure>')
assert !new File(basedir, 'target/crashlab/hold/results.json').exists() : 'nothing runs when a rule is bad'
