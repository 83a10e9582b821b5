// The output of an earlier, successful build, which a failing build must leave untouched.
def old = new File(basedir, 'target/govsite/index.html')
old.parentFile.mkdirs()
old.setText('earlier output', 'UTF-8')
// the marker file every site govsite writes carries: without it the folder would be refused, not replaced
new File(old.parentFile, '.govsite-site').setText('govsite-maven-plugin', 'UTF-8')
return true
