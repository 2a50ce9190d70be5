def out = new File(basedir, 'target/crashlab/walkforward-dca')
assert new File(out, 'walkforward.html').isFile()
def json = new groovy.json.JsonSlurper().parse(new File(out, 'walkforward.json'))
assert json.schema == 'crashlab-walkforward/1'
assert json.mode == 'rolling'
assert json.folds.size() == 5
assert json.folds[0].outOfSampleFrom == '2024-02-17'
assert json.folds[0].inSampleTo == '2024-02-14'
assert json.regimeLabels == null
def log = new File(basedir, 'build.log').text
assert log.contains('walk-forward of dca: 5 folds (rolling, in sample 45d, out of sample 15d, purge 2 days), 15 variants')
assert log.contains('walk-forward efficiency ')
assert log.contains('crisis regimes: the run has no regime classifier')
assert log.contains("check run 'dca': walkforward.folds == 5 holds: walkforward.folds = 5 (checks[0].rules[2])")
assert log.contains("check run 'dca': sweep.trials == 15 holds: sweep.trials = 15 (checks[0].rules[0])")
assert log.contains('checks: 4 of 4 held')
def index = new File(basedir, 'target/crashlab/index.html').text
assert index.contains('href="walkforward-dca/walkforward.html"')
assert index.contains('href="sweep-dca/sweep.html"')
