def out = new File(basedir, 'target/crashlab')
['weekly-dca', 'leverage-3x'].each { run ->
    assert new File(out, "stress-${run}/stress.json").isFile()
    assert new File(out, "stress-${run}/stress.html").isFile()
    assert new File(out, 'index.html').text.contains("href=\"stress-${run}/stress.html\"")
}
assert new File(out, 'stress-weekly-dca/stress.json').text.contains('"schema" : "crashlab-stress/1"')
def log = new File(basedir, 'build.log').text
assert log =~ /stress: 60 paths of weekly-dca in [0-9.]+ s, [0-9.]+ paths\/s on \d+ threads?/
assert log.contains("stress weekly-dca (crisis-replay, 30 paths): P(liquidation) 0.000")
assert log.contains("check run 'weekly-dca': stress.probability(liquidation) < 0.01 holds: stress.probability(liquidation) = 0 (checks[0].rules[0])")
assert log.contains('checks: 2 of 2 held')
