def out = new File(basedir, 'target/crashlab/sweep-dca')
assert new File(out, 'sweep.html').isFile()
assert new File(out, 'best/results.json').isFile()
def lines = new File(out, 'variants.csv').readLines()
assert lines.size() == 1 + 15
def log = new File(basedir, 'build.log').text
assert log.contains('sweep: 15/15 done')
assert log.contains('selection bias')
