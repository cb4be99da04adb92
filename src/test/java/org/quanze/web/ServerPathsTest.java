package org.quanze.web;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ServerPathsTest {

    @Test
    void pathsInTheDataFolderBecomeRelativeToIt() {
        ServerPaths p = new ServerPaths(Path.of("/srv/quanze/index-data"));
        assertEquals("index/CURRENT.tmp: Is a directory", p.hide("/srv/quanze/index-data/index/CURRENT.tmp: Is a directory"));
        assertEquals("no sources folder at sources", p.hide("no sources folder at /srv/quanze/index-data/sources"));
    }

    @Test
    void aRelativeDataFolderIsRemovedOnlyWhereAPathStarts() {
        ServerPaths p = new ServerPaths(Path.of("data"));
        assertEquals("sources/清单.txt: cannot be read", p.hide("data/sources/清单.txt: cannot be read"));
        assertEquals("metadata/x is kept", p.hide("metadata/x is kept"));
    }

    @Test
    void otherAbsolutePathsAreCutToTheirLastPart() {
        ServerPaths p = new ServerPaths(Path.of("/srv/quanze/index-data"));
        assertEquals("…/poi-sxssf-1234.xml (No space left on device)", p.hide("/tmp/poi/poi-sxssf-1234.xml (No space left on device)"));
        assertEquals("java.nio.file.FileSystemException: …/权责清单.txt: File name too long",
                p.hide("java.nio.file.FileSystemException: /home/admin/上传/权责清单.txt: File name too long"));
        assertEquals("…/list.xlsx", p.hide("C:\\Users\\admin\\list.xlsx"));
    }

    @Test
    void textThatIsNotAPathIsLeftAlone() {
        ServerPaths p = new ServerPaths(Path.of("/srv/quanze/index-data"));
        for (String s : new String[] {"行政处罚/行政检查", "and/or", "1/2 of the rows", "a row without a 序号 / 权力名称", "/", "ratio 1:63"}) {
            assertEquals(s, p.hide(s));
        }
    }
}
