def out = new File(basedir, 'target/crashlab')
def frame = 'at com.example.it.RebalanceBug.rebalance(RebalanceBug.java:24)'
['hold-1', 'hold-2', 'hold-4'].each { run ->
    assert new File(out, "$run/report.html").isFile() : "missing $run/report.html"
}
assert !new File(out, 'broken').exists() : 'no folder, so no half-written page, for the failed run'
def index = new File(out, 'index.html').text
def comparison = new File(out, 'comparison.html').text
['hold-1', 'hold-2', 'hold-4'].each { run ->
    assert index.contains("href=\"$run/report.html\"")
    assert comparison.contains(run)
}
assert index.contains('id="failed-runs"') && index.contains('<strong>broken</strong>')
assert index.contains('java.lang.ArithmeticException: / by zero ' + frame) : 'the index names the failure and its line'
assert !comparison.contains('broken')
def leftovers = []
out.eachFileRecurse { if (it.name.endsWith('.tmp')) leftovers << it }
assert leftovers.isEmpty() : "half-written files: $leftovers"
def log = new File(basedir, 'build.log').text
// The error names the strategy's own line without -e (the invoker runs without it here).
assert log.contains('[ERROR] Failed to execute goal dev.crashlab:crashlab-maven-plugin')
assert log =~ /1 of 4 runs failed; 3 finished and are listed in .*index\.html and compared in .*comparison\.html:/
assert log.contains('broken: RebalanceBug failed at step 9')
assert log.contains('java.lang.ArithmeticException: / by zero ' + frame) : 'the message itself, not only a stack trace, names the line'
assert log.contains("[WARNING] run 'broken' failed: ")
