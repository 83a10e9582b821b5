import java.nio.charset.StandardCharsets
import java.nio.file.Files

def read = { File f -> new String(Files.readAllBytes(f.toPath()), StandardCharsets.UTF_8) }
def log = read(new File(basedir, 'build.log'))
assert log.contains('BUILD SUCCESS')
assert !log.contains('[ERROR]')
assert !log.contains('\tat ') : 'no stack trace'

// each portal's own site, whole
['a', 'b'].each { p ->
    def site = new File(basedir, "portal-$p/target/govsite")
    ['index.html', 'assets/govsite.css', 'agencies/shanzhou-zfb/2024.html', 'years/2024.html'].each {
        assert new File(site, it).isFile() : "portal-$p: missing $it"
    }
    assert read(new File(site, 'index.html')).contains("门户$p 政府信息公开工作年度报告")
}

// the shared folder: both builds published into it, one after the other; what is there is wholly one portal's
def shared = new File(basedir, 'target/shared')
def index = read(new File(shared, 'index.html'))
def owner = index.contains('门户a') ? 'a' : 'b'
assert index.contains("门户$owner 政府信息公开工作年度报告")
['agencies/shanzhou-zfb/index.html', 'agencies/shanzhou-zfb/2024.html', 'years/2024.html', '404.html'].each {
    def page = read(new File(shared, it))
    assert page.contains("门户$owner") && !page.contains("门户${owner == 'a' ? 'b' : 'a'}") : "$it is not all portal $owner's"
}
def sites = new File(basedir, 'target/.shared.sites').list().findAll { it.startsWith('site-') }
assert sites.size() == 1 : "one site folder left: $sites"
return true
