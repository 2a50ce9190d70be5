// The generated project is ready as it is: wrapper, strategy, test, config on the bundled sample, and `verify` wrote reports.
def project = new File(basedir, 'my-lab')
['mvnw', 'mvnw.cmd', '.mvn/wrapper/maven-wrapper.properties', 'README.md', 'crashlab.yaml',
 'src/main/java/com/example/lab/DipBuyer.java', 'src/test/java/com/example/lab/DipBuyerTest.java',
 'data/sample/BTC-USD.csv', 'data/sample/etf_flows_btc.csv'].each {
    assert new File(project, it).isFile() : "generated project lacks $it"
}
def wrapper = new File(project, '.mvn/wrapper/maven-wrapper.properties').text
assert wrapper =~ /apache-maven\/3\.9\.\d+\/apache-maven-3\.9\.\d+-bin\.zip/ : "the wrapper pins no Maven 3.9.x: $wrapper"
assert new File(project, 'README.md').readLines().size() == 5
assert new File(project, 'data/sample/BTC-USD.csv').readLines()[0].startsWith('# synthetic sample data')
def config = new File(project, 'crashlab.yaml').readLines()
assert config.count { it.trim().startsWith('folder:') } == 1 : 'one line points at the data'
assert !config.any { it.contains('..') } : 'the config reaches outside the project'
assert new File(project, 'pom.xml').text =~ /<crashlab.version>[0-9][^<$@]*<\/crashlab.version>/ : 'crashlab.version not filled in'

def out = new File(project, 'target/crashlab')
['dip-buyer', 'weekly-dca'].each { run ->
    assert new File(out, "$run/results.json").isFile() : "missing $run/results.json"
    assert new File(out, "$run/report.html").isFile() : "missing $run/report.html"
}
assert new File(out, 'index.html').isFile()
assert new File(out, 'comparison.html').isFile()
def results = new groovy.json.JsonSlurper().parse(new File(out, 'dip-buyer/results.json'))
assert results.strategy.name == 'DipBuyer'
assert results.synthetic == true
// The IT's build.log holds both invocations; the project's own build is the second.
def log = new File(basedir, 'build.log').text.split(/\[INFO\] BUILD SUCCESS/, 2)[1]
assert log.contains('Tests run: 1, Failures: 0, Errors: 0')
assert log =~ /dip-buyer: total return -?[0-9.]+ %, CAGR/
assert !log.contains('SLF4J') : 'SLF4J noise in the generated project'
// The one warning meant: the runs used the synthetic sample.
def warnings = log.readLines().findAll { it.contains('[WARNING]') && !it.contains('used synthetic sample data')
        && !it.contains('local.central') }  // the IT's file repository of this build's artifacts has no checksums
assert warnings.isEmpty() : "warnings in the generated project's build: $warnings"

// The wrapper as README says to run it (no executable bit survives archetype:generate, hence `sh`): the
// pinned 3.9.x, from the wrapper's cache that this build's own ./mvnw filled.
def wrapped = ['sh', 'mvnw', '-v'].execute(null, project)
def version = wrapped.text
wrapped.waitFor()
assert wrapped.exitValue() == 0 && version.contains('Apache Maven 3.9.') : "sh mvnw -v: $version"
