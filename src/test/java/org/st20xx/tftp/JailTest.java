package org.st20xx.tftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JailTest {
    @TempDir
    Path dir;
    Path root;
    Jail jail;

    @BeforeEach
    void setUp() throws IOException {
        root = Files.createDirectory(dir.resolve("root"));
        Files.write(root.resolve("fw.zz"), new byte[42]);
        Files.createDirectories(root.resolve("cisco"));
        Files.write(root.resolve("cisco/SEP00AA.cnf.xml"), new byte[3]);
        Files.writeString(dir.resolve("secret"), "outside");
        jail = new Jail(root);
    }

    private Jail.Refused refused(String name) {
        Jail.Resolution r = jail.resolve(name);
        assertThat(r).as(name).isInstanceOf(Jail.Refused.class);
        return (Jail.Refused) r;
    }

    @ParameterizedTest
    @ValueSource(strings = {"fw.zz", "/fw.zz", "//fw.zz", "./fw.zz", "\\fw.zz", "/./fw.zz"})
    void resolvesNamesInsideTheRoot(String name) throws IOException {
        assertThat(jail.resolve(name)).isEqualTo(new Jail.Found(root.toRealPath().resolve("fw.zz")));
    }

    @Test
    void resolvesSubdirectoriesWithEitherSlash() throws IOException {
        Path expected = root.toRealPath().resolve("cisco/SEP00AA.cnf.xml");
        assertThat(jail.resolve("cisco/SEP00AA.cnf.xml")).isEqualTo(new Jail.Found(expected));
        assertThat(jail.resolve("cisco\\SEP00AA.cnf.xml")).isEqualTo(new Jail.Found(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"..", "../secret", "/../secret", "cisco/../../secret", "..\\secret", "a/b/../c"})
    void refusesDotDotAnywhere(String name) {
        Jail.Refused r = refused(name);
        assertThat(r.outcome()).isEqualTo(Outcome.ACCESS_DENIED);
        assertThat(r.errorCode()).isEqualTo(2);
        assertThat(r.detail()).contains("'..'");
    }

    @Test
    void absolutePathsAreTakenRelativeToTheRoot() {
        Jail.Refused r = refused(dir.resolve("secret").toString());
        assertThat(r.outcome()).isEqualTo(Outcome.NOT_FOUND);
        assertThat(r.errorCode()).isEqualTo(1);
        assertThat(r.message()).isEqualTo("File not found");
    }

    @Test
    void followsSymbolicLinksOnlyWhenTheyStayInside() throws IOException {
        Files.createSymbolicLink(root.resolve("out"), dir.resolve("secret"));
        Files.createSymbolicLink(root.resolve("outdir"), dir);
        Files.createSymbolicLink(root.resolve("current.zz"), root.resolve("fw.zz"));

        assertThat(refused("out").detail()).contains("symbolic link leads outside the root");
        assertThat(refused("outdir/secret").outcome()).isEqualTo(Outcome.ACCESS_DENIED);
        assertThat(jail.resolve("current.zz")).isEqualTo(new Jail.Found(root.toRealPath().resolve("fw.zz")));
    }

    @Test
    void refusesDirectoriesTheRootAndEmptyNames() {
        assertThat(refused("cisco").detail()).contains("a directory");
        assertThat(refused("/").detail()).contains("names the root");
        assertThat(refused("").detail()).contains("empty");
        assertThat(refused("./.").outcome()).isEqualTo(Outcome.ACCESS_DENIED);
    }

    @Test
    void refusesLongNamesControlCharactersAndUndecodableBytes() {
        assertThat(refused("a".repeat(Jail.MAX_NAME_LENGTH + 1)).detail()).contains("longer than 255");
        assertThat(jail.resolve("a".repeat(Jail.MAX_NAME_LENGTH))).isInstanceOf(Jail.Refused.class)
                .extracting(r -> ((Jail.Refused) r).outcome()).isEqualTo(Outcome.NOT_FOUND);
        assertThat(refused("fw.zz\n").detail()).contains("control character");
        assertThat(refused("fw\u007f").outcome()).isEqualTo(Outcome.ACCESS_DENIED);
        assertThat(refused("fw\ufffd.zz").outcome()).isEqualTo(Outcome.ACCESS_DENIED);
    }

    @Test
    void notFoundNamesTheFileThatDiffersOnlyInLetterCase() {
        Jail.Refused r = refused("cisco/sep00aa.CNF.xml");
        assertThat(r.outcome()).isEqualTo(Outcome.NOT_FOUND);
        assertThat(r.detail()).contains("'SEP00AA.cnf.xml' exists");

        assertThat(refused("FW.ZZ").detail()).contains("'fw.zz' exists");
        assertThat(refused("nothing.zz").detail()).isEqualTo("no such file under the root");
        assertThat(refused("nodir/fw.zz").detail()).isEqualTo("no such file under the root");
    }

    @Test
    void theRootMustBeAnExistingDirectory() {
        assertThatThrownBy(() -> new Jail(dir.resolve("missing"))).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> new Jail(dir.resolve("secret"))).hasMessageContaining("not a directory");
    }
}
