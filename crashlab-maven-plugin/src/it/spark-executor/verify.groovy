def spark = new File(basedir, 'target/crashlab')
def local = new File(basedir, 'target/local')
def log = new File(basedir, 'build.log').text
// The units ran on Spark: the plan broadcast, the variants and paths in Spark tasks.
assert log.contains('sweep: 6 units in ')
assert log.contains('stress: 12 units in ')
assert log =~ /stress: 12 paths of dca in [0-9.]+ s, [0-9.]+ paths\/s on Spark local\[2\]/
// The two invocations were seconds apart: only the time they were generated may differ.
def stamp = { String s -> s.replaceAll(/"generatedAt" : "[^"]*"/, '"generatedAt" : "T"') }
// dca/results.json carries the sweep's and the stress paths' sections.
['sweep-dca/sweep.json', 'sweep-dca/best/results.json', 'stress-dca/stress.json', 'dca/results.json'].each { f ->
    assert new File(spark, f).isFile()
    assert stamp(new File(spark, f).text) == stamp(new File(local, f).text)
}
assert new File(spark, 'sweep-dca/variants.csv').text == new File(local, 'sweep-dca/variants.csv').text
