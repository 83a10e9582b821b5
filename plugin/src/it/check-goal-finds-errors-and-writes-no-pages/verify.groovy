def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('BUILD FAILURE')
assert !log.contains('BUILD ERROR')
assert log =~ /src\/govsite\/reports\/shanzhou-zfb\/2024\/report\.yaml:44:\d+: error \[R2\]/
assert log.contains('report(s) checked: 2 error(s)')
assert !new File(basedir, 'target/govsite').exists() : 'check writes no pages'
def json = new File(basedir, 'target/govsite-findings.json').getText('UTF-8')
assert json.contains('"rule" : "R2"')
assert new File(basedir, 'target/govsite-findings.sarif').isFile()
return true
