import java.nio.charset.StandardCharsets
import java.nio.file.Files

def site = new File(basedir, 'target/govsite')
def read = { String path -> new String(Files.readAllBytes(new File(site, path).toPath()), StandardCharsets.UTF_8) }

['index.html', 'assets/govsite.css', 'agencies/shanzhou-zfb/index.html', 'agencies/shanzhou-zfb/2023.html',
 'agencies/shanzhou-zfb/2024.html', 'years/2023.html', 'years/2024.html'].each {
    assert new File(site, it).isFile() : "missing $it"
}
def page = read('agencies/shanzhou-zfb/2024.html')
assert page.contains('<html lang="zh-CN"')
assert page.contains('<meta charset="UTF-8">')
assert page.contains('三门峡市陕州区人民政府办公室')
assert page.contains('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）')
assert page.contains('id="t3-r-results-other-other"')
assert page =~ /headers="t3-c-applicants t3-c-applicants-natural_person t3-r-new">13</
assert page.contains('全年共发布信息 6099 条')
// each report's PDF, made inside Maven with the fonts from the plugin's class path
['agencies/shanzhou-zfb/2023.pdf', 'agencies/shanzhou-zfb/2024.pdf'].each {
    def pdf = new File(site, it)
    assert pdf.isFile() && pdf.length() > 10000 : "missing or empty $it"
    assert new String(Files.readAllBytes(pdf.toPath()), 0, 5, StandardCharsets.ISO_8859_1) == '%PDF-' : "$it is no PDF"
}
assert page.contains('2024.pdf') : 'the page links its PDF'
def index = read('index.html')
assert index.contains('href="agencies/shanzhou-zfb/index.html"')
assert index.contains('href="years/2024.html"')
def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('BUILD SUCCESS')
assert !log.contains('[ERROR]')
assert log.contains('govsite:generate') && log.contains('govsite:check') && log.contains('govsite:new-year') && log.contains('govsite:serve') && log.contains('govsite:import') : 'help lists the goals'
assert log.contains('govsite.input') && log.contains('govsite.overwrite') : 'help documents the goals\' parameters (import\'s, for one)'
return true
