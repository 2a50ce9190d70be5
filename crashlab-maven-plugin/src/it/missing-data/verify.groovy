def log = new File(basedir, 'build.log').text
def missing = new File(basedir, '../../it-data/does-not-exist.csv').canonicalPath
assert log.contains('data.prices.ETH-USD.file: ') : 'the field path is named'
assert log.contains(missing) : "the missing file's path is named"
assert log.contains('file not found')
