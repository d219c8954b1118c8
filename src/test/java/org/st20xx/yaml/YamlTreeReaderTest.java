package org.st20xx.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class YamlTreeReaderTest {
    @Test
    void remembersWhereKeysAndValuesStand() {
        YamlMap root = (YamlMap) YamlTreeReader.read("a: 1\nb:\n  - x\n  - { c: 1.50 }\n", "f.yaml");
        assertThat(root.keyLocation("b").line()).isEqualTo(2);
        YamlList list = (YamlList) root.get("b").orElseThrow();
        assertThat(list.items().get(1).location().line()).isEqualTo(4);
        YamlScalar c = (YamlScalar) ((YamlMap) list.items().get(1)).get("c").orElseThrow();
        assertThat(c.text()).isEqualTo("1.50");
        assertThat(c.type()).isEqualTo(YamlScalar.Type.NUMBER);
        assertThat(c.location().toString()).isEqualTo("f.yaml:4:10");
    }

    @Test
    void nullsAndBooleansKeepTheirType() {
        YamlMap root = (YamlMap) YamlTreeReader.read("a: ~\nb: true\n", "f.yaml");
        assertThat(((YamlScalar) root.get("a").orElseThrow()).isNull()).isTrue();
        assertThat(((YamlScalar) root.get("b").orElseThrow()).type()).isEqualTo(YamlScalar.Type.BOOLEAN);
    }
}
