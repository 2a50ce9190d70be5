def log = new File(basedir, 'build.log').text
def running = (log =~ /this build runs Maven (3\.[0-8]\.\d+)/)
assert running.find() : 'the error names the running Maven'
assert log.contains('crashlab-maven-plugin needs Maven 3.9.0 or newer')
assert log.contains('Run ./mvnw instead of mvn')
assert !log.contains('requires Maven version') : "Maven's bare refusal, not the plugin's message"
