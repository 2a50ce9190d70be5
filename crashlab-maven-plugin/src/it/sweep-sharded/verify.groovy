def merged = new File(basedir, 'target/crashlab/sweep-dca')
def whole = new File(basedir, 'target/whole/sweep-dca')
assert new File(merged, 'parts/part-1-of-2.json').isFile()
assert new File(merged, 'parts/part-2-of-2.json').isFile()
assert new File(merged, 'variants.csv').text == new File(whole, 'variants.csv').text
// The runs were minutes apart: only the time they were generated may differ.
def stamp = { String s -> s.replaceAll(/"generatedAt" : "[^"]*"/, '"generatedAt" : "T"') }
assert stamp(new File(merged, 'best/results.json').text) == stamp(new File(whole, 'best/results.json').text)
// sweep.json's selection statistics (PSR, DSR, PBO) come from the parts' period returns.
assert new File(merged, 'sweep.json').text.contains('"deflatedSharpe"')
assert stamp(new File(merged, 'sweep.json').text) == stamp(new File(whole, 'sweep.json').text)
def log = new File(basedir, 'build.log').text
assert log.contains('sweep: merged 2 parts of 15 variants')
