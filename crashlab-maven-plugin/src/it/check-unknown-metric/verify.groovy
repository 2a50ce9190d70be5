def log = new File(basedir, 'build.log').text
assert log.contains('checks[0].rules[0]: "maxDrawdwn > -0.5" at 1: unknown figure "maxDrawdwn"; did you mean maxDrawdown?; a figure is a metric (totalReturn, cagr, ')
assert log.contains('), tail.<var95|cvar95|var99|cvar99|tailRatio|skewness|excessKurtosis|ulcerIndex|painIndex|longestUnderwaterDays>, benchmark.<metric>, benchmark.tail.<var95|')
assert log.contains(', regimes["<label>"].<totalReturn|maxDrawdown|timeInMarket|steps|tail.<var95|')
assert log.contains('>, crises["<window>"].<return|maxDrawdown|daysToRecover|periods|liquidations|fundingPaid|heldBack|tail.<var95|')
assert log.contains('>>>, sweep.<figure>, walkforward.<figure>, stress.probability(<event>), stress.quantile(<figure>, <level>) or path.<figure> (crashlab.yaml:9:9)')
assert !new File(basedir, 'target/crashlab/hold/results.json').exists() : 'nothing runs when a rule is bad'
