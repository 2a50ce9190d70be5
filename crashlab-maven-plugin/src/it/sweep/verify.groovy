def out = new File(basedir, 'target/crashlab/sweep-dca')
assert new File(out, 'sweep.html').isFile()
assert new File(out, 'best/results.json').isFile()
def json = new groovy.json.JsonSlurper().parse(new File(out, 'sweep.json'))
assert json.schema == 'crashlab-sweep/1'
assert json.variants.size() == 15
assert json.selection.trials == 15
assert json.selection.overfitting.blocks == 16
def lines = new File(out, 'variants.csv').readLines()
assert lines.size() == 1 + 15
def log = new File(basedir, 'build.log').text
assert log.contains('sweep: 15/15 done')
assert log.contains('selection: probabilistic Sharpe ratio ')
assert log.contains('selection: probability of backtest overfitting ')
assert new File(basedir, 'target/crashlab/index.html').text.contains('href="sweep-dca/sweep.html"')
