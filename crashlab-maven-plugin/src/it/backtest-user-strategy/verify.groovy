def out = new File(basedir, 'target/crashlab')
['weekly-buyer', 'weekly-buyer-dip'].each { run ->
    assert new File(out, "$run/results.json").isFile() : "missing $run/results.json"
    assert new File(out, "$run/report.html").isFile() : "missing $run/report.html"
}
assert new File(out, 'index.html').isFile()
assert new File(out, 'comparison.html').isFile()
def results = new groovy.json.JsonSlurper().parse(new File(out, 'weekly-buyer/results.json'))
assert results.strategy.name == 'WeeklyBuyer'
assert results.metrics.netContributions > 0
assert results.fills.size() > 10
def log = new File(basedir, 'build.log').text
assert log =~ /weekly-buyer: total return -?[0-9.]+ %, CAGR/
assert log.contains('index.html')
assert !new File(out, 'weekly-buyer').listFiles().any { it.name.endsWith('.tmp') }
