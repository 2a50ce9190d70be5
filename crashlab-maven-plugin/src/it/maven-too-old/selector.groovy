// Runs where an older Maven than 3.9 is installed as /usr/bin/mvn (Debian's 3.8.7); skipped elsewhere.
def mvn = new File('/usr/bin/mvn')
if (!mvn.canExecute()) {
    return false
}
def version = ['/usr/bin/mvn', '-v'].execute().text =~ /Apache Maven (\d+)\.(\d+)/
return version.find() && (version.group(1) as int) == 3 && (version.group(2) as int) < 9
