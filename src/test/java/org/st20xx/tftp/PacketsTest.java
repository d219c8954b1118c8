package org.st20xx.tftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PacketsTest {
    private static ByteBuffer wrap(byte[] bytes) {
        return ByteBuffer.wrap(bytes);
    }

    private static byte[] bytes(ByteBuffer flipped) {
        byte[] b = new byte[flipped.remaining()];
        flipped.duplicate().get(b);
        return b;
    }

    @Test
    void parsesAReadRequestWithOptionNamesAndModeLowerCased() throws Exception {
        Packets.Request r = Packets.parseRequest(wrap(RawClient.rrq("Dir/F.zz", "OCTET", "BlkSize", "1468", "tsize", "0")));

        assertThat(r.opcode()).isEqualTo(Packets.RRQ);
        assertThat(r.fileName()).isEqualTo("Dir/F.zz");
        assertThat(r.mode()).isEqualTo("octet");
        assertThat(r.options()).containsExactly(Map.entry("blksize", "1468"), Map.entry("tsize", "0"));
    }

    @Test
    void decodesTheFileNameAsUtf8AndMarksInvalidBytes() throws Exception {
        byte[] packet = {0, 1, 'f', (byte) 0xC3, (byte) 0xA9, 0, 'o', 'c', 't', 'e', 't', 0};
        assertThat(Packets.parseRequest(wrap(packet)).fileName()).isEqualTo("f\u00e9");
        byte[] invalid = {0, 1, 'f', (byte) 0xFF, 0, 'o', 'c', 't', 'e', 't', 0};
        assertThat(Packets.parseRequest(wrap(invalid)).fileName()).contains("\ufffd");
    }

    @Test
    void refusesRequestsWithoutTerminatorsOrWithHalfAnOption() {
        assertThatThrownBy(() -> Packets.parseRequest(wrap(new byte[] {0, 1, 'f'})))
                .hasMessageContaining("file name is not terminated");
        assertThatThrownBy(() -> Packets.parseRequest(wrap(new byte[] {0, 1, 'f', 0, 'o'})))
                .hasMessageContaining("mode is not terminated");
        assertThatThrownBy(() -> Packets.parseRequest(wrap(RawClient.rrq("f", "octet", "blksize"))))
                .hasMessageContaining("option blksize has no value");
        assertThatThrownBy(() -> Packets.parseRequest(wrap(new byte[] {0, 1, 'f', 0, 'o', 0, 0, '1', 0})))
                .hasMessageContaining("empty option name");
        assertThatThrownBy(() -> Packets.parseRequest(wrap(RawClient.ack16(1)))).hasMessageContaining("not a request");
        assertThatThrownBy(() -> Packets.parseRequest(wrap(new byte[] {1}))).hasMessageContaining("opcode -1");
    }

    @Test
    void ackBlockAcceptsOnlyFourByteAcks() {
        assertThat(Packets.ackBlock(wrap(RawClient.ack16(65535)))).isEqualTo(65535);
        assertThat(Packets.ackBlock(wrap(RawClient.ack16(0)))).isZero();
        assertThat(Packets.ackBlock(wrap(new byte[] {0, 4, 0}))).isEqualTo(-1);
        assertThat(Packets.ackBlock(wrap(new byte[] {0, 4, 0, 1, 0}))).isEqualTo(-1);
        assertThat(Packets.ackBlock(wrap(new byte[] {0, 3, 0, 1}))).isEqualTo(-1);
    }

    @Test
    void errorPacketsAreNulTerminatedAndKeptUnder512Bytes() throws Exception {
        ByteBuffer buffer = ByteBuffer.allocate(600);
        byte[] packet = bytes(Packets.error(buffer, 1, "File not found"));
        assertThat(packet).startsWith(0, 5, 0, 1).endsWith('d', 0).hasSize(4 + 14 + 1);

        assertThat(Packets.error(buffer, 0, "x".repeat(2000)).remaining()).isLessThanOrEqualTo(512);
        Packets.Error parsed = Packets.parseError(wrap(packet));
        assertThat(parsed.code()).isEqualTo(1);
        assertThat(parsed.message()).isEqualTo("File not found");
    }

    @Test
    void parseErrorToleratesAMissingTerminator() throws Exception {
        byte[] unterminated = {0, 5, 0, 8, 'n', 'o'};
        assertThat(Packets.parseError(wrap(unterminated)).message()).isEqualTo("no");
        assertThatThrownBy(() -> Packets.parseError(wrap(new byte[] {0, 5, 0}))).hasMessageContaining("not an error");
    }

    @Test
    void oackListsTheOptionsInOrder() {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("blksize", "1468");
        options.put("tsize", "3000");
        byte[] packet = bytes(Packets.oack(ByteBuffer.allocate(100), options));
        assertThat(new String(packet, StandardCharsets.US_ASCII)).isEqualTo("\0\6blksize\0" + "1468\0tsize\0" + "3000\0");
    }

    @Test
    void dataHeaderSendsTheLow16BitsOfTheBlockNumber() {
        ByteBuffer buffer = ByteBuffer.allocate(4);
        Packets.dataHeader(buffer, 65536);
        assertThat(buffer.array()).containsExactly(0, 3, 0, 0);
        Packets.dataHeader(buffer, 65536 + 65535);
        assertThat(buffer.array()).containsExactly(0, 3, -1, -1);
    }
}
