def log = new File(basedir, 'build.log').text
def out = new File(basedir, 'target/crashlab')
assert log.contains('  path sensitivity: high-first, low-first and 5 bridge paths of 24 sub-bars (seed 7) in ')
assert log.contains("check run 'paths': path.liquidatedShare <= 100% holds: path.liquidatedShare = ")
assert log.contains("check run 'paths': path.finalEquity.min >= 0 holds: path.finalEquity.min = ")
assert new File(out, 'paths/results.json').text.contains('"sensitivity" : {')
assert new File(out, 'paths/report.html').text.contains('id="path-sensitivity"')
assert !new File(out, 'plain/results.json').text.contains('"sensitivity"')
assert !new File(out, 'plain/report.html').text.contains('id="path-sensitivity"')
