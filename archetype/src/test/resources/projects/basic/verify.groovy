// The generated portal builds ("mvn", whose defaultGoal is package) and publishes its report.
def project = new File(basedir, 'project/portal')
assert new File(project, 'pom.xml').getText('UTF-8').contains('<defaultGoal>package</defaultGoal>')
def year = String.valueOf(java.time.LocalDate.now(java.time.ZoneId.of('Asia/Shanghai')).year - 1)
assert new File(project, '.gitignore').getText('UTF-8').contains('target/')
def page = new File(project, "target/govsite/agencies/zfb/${year}.html")
assert page.isFile() : "the ${year} report page"
def html = page.getText('UTF-8')
assert html.contains('测试县人民政府办公室')
assert html.contains('示例数据')
assert new File(project, 'target/govsite/index.html').getText('UTF-8').contains('测试县政府信息公开工作年度报告')
def log = new File(project, 'build.log').getText('UTF-8')
assert log.contains('BUILD SUCCESS')
assert !log.contains('[ERROR]')
return true
