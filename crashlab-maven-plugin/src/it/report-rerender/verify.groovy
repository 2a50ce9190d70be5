def out = new File(basedir, 'target/crashlab')
assert new File(out, 'rerendered/report.html').isFile()
def log = new File(basedir, 'build.log').text
assert log.contains('crashlab-maven-plugin') && log.contains(':report')
assert log.findAll(/rerendered: total return/).size() == 2 : 'once when run, once when re-rendered'
