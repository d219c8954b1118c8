package org.st20xx.tftp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The sending state machine alone: packets in, packets out, time passed in by hand. */
class ReadTransferTest {
    private static final long SECOND = 1_000_000_000L;
    private static final long TIMEOUT = SECOND;

    /** Records every packet sent, as bytes. */
    static final class RecordingWire implements ReadTransfer.Wire {
        final List<byte[]> sent = new ArrayList<>();

        @Override
        public void send(ByteBuffer packet) {
            byte[] b = new byte[packet.remaining()];
            packet.duplicate().get(b);
            sent.add(b);
        }

        int opcode(int i) {
            return Short.toUnsignedInt(ByteBuffer.wrap(sent.get(i)).getShort(0));
        }

        int block(int i) {
            return Short.toUnsignedInt(ByteBuffer.wrap(sent.get(i)).getShort(2));
        }

        /** The DATA block numbers sent, in order. */
        List<Integer> dataBlocks() {
            List<Integer> blocks = new ArrayList<>();
            for (int i = 0; i < sent.size(); i++) {
                if (opcode(i) == Packets.DATA) {
                    blocks.add(block(i));
                }
            }
            return blocks;
        }

        byte[] last() {
            return sent.get(sent.size() - 1);
        }
    }

    /** Blocks cut from an array; counts releases. */
    static final class ArraySource implements BlockSource {
        final byte[] content;
        final int blockSize;
        long released;

        ArraySource(byte[] content, int blockSize) {
            this.content = content;
            this.blockSize = blockSize;
        }

        @Override
        public int read(long block, ByteBuffer dst) {
            long start = (block - 1) * blockSize;
            int n = (int) Math.max(0, Math.min(blockSize, content.length - start));
            dst.put(content, (int) Math.min(start, content.length), n);
            return n;
        }

        @Override
        public void release(long block) {
            released = block;
        }

        @Override
        public void close() {
        }
    }

    private final RecordingWire wire = new RecordingWire();

    private ReadTransfer transfer(byte[] content, int blockSize, int window, int retries, Map<String, String> oack) {
        return new ReadTransfer(new ArraySource(content, blockSize), wire, ByteBuffer.allocate(4 + blockSize), blockSize,
                window, TIMEOUT, retries, oack);
    }

    private static ByteBuffer ack(int block) {
        return ByteBuffer.wrap(RawClient.ack16(block));
    }

    @Test
    void sendsABlockPerAckAndCompletesOnTheLastAck() throws Exception {
        ReadTransfer t = transfer(Fixtures.bytes(1100, 1), 512, 1, 3, Map.of());
        t.start(0);
        assertThat(wire.dataBlocks()).containsExactly(1);
        assertThat(t.onPacket(ack(1), 10)).isTrue();
        assertThat(t.onPacket(ack(2), 20)).isTrue();
        assertThat(wire.dataBlocks()).containsExactly(1, 2, 3);
        assertThat(wire.last()).hasSize(4 + 76);
        assertThat(t.finished()).isFalse();
        t.onPacket(ack(3), 30);

        assertThat(t.outcome()).isEqualTo(Outcome.COMPLETE);
        assertThat(t.bytesAcknowledged()).isEqualTo(1100);
        assertThat(t.blocksAcknowledged()).isEqualTo(3);
        assertThat(t.retries()).isZero();
    }

    @Test
    void anEmptyFileIsOneEmptyBlock() throws Exception {
        ReadTransfer t = transfer(new byte[0], 512, 1, 3, Map.of());
        t.start(0);
        assertThat(wire.last()).containsExactly(0, 3, 0, 1);
        t.onPacket(ack(1), 1);
        assertThat(t.outcome()).isEqualTo(Outcome.COMPLETE);
        assertThat(t.bytesAcknowledged()).isZero();
        assertThat(t.blocksAcknowledged()).isEqualTo(1);
    }

    @Test
    void aFileOfWholeBlocksEndsWithAnEmptyBlock() throws Exception {
        ReadTransfer t = transfer(new byte[1024], 512, 1, 3, Map.of());
        t.start(0);
        t.onPacket(ack(1), 1);
        t.onPacket(ack(2), 2);
        assertThat(wire.last()).containsExactly(0, 3, 0, 3);
        t.onPacket(ack(3), 3);
        assertThat(t.bytesAcknowledged()).isEqualTo(1024);
    }

    @Test
    void duplicateAcksAreNeverAnswered() throws Exception {
        ReadTransfer t = transfer(new byte[2000], 512, 1, 3, Map.of());
        t.start(0);
        t.onPacket(ack(1), 1);
        t.onPacket(ack(1), 2);
        t.onPacket(ack(1), 3);
        t.onPacket(ack(0), 4);
        assertThat(wire.dataBlocks()).containsExactly(1, 2);
        t.onPacket(ack(2), 5);
        assertThat(wire.dataBlocks()).containsExactly(1, 2, 3);
    }

    @Test
    void ignoresAcksForBlocksNotSentAndJunk() throws Exception {
        ReadTransfer t = transfer(new byte[2000], 512, 1, 3, Map.of());
        t.start(0);
        assertThat(t.onPacket(ack(5), 1)).isFalse();
        assertThat(t.onPacket(ByteBuffer.wrap(new byte[] {0, 4, 0}), 1)).isFalse();
        assertThat(t.onPacket(ByteBuffer.wrap(new byte[] {0, 3, 0, 1, 9}), 1)).isFalse();
        assertThat(t.finished()).isFalse();
        assertThat(wire.dataBlocks()).containsExactly(1);
    }

    @Test
    void resendsAfterTheTimeoutAndGivesUpAfterTheRetries() throws Exception {
        ReadTransfer t = transfer(new byte[2000], 512, 1, 2, Map.of());
        t.start(0);
        t.onTimeout(TIMEOUT - 1);
        assertThat(wire.dataBlocks()).containsExactly(1);
        t.onTimeout(TIMEOUT);
        t.onTimeout(2 * TIMEOUT);
        assertThat(wire.dataBlocks()).containsExactly(1, 1, 1);
        assertThat(t.finished()).isFalse();
        t.onTimeout(3 * TIMEOUT);

        assertThat(t.outcome()).isEqualTo(Outcome.TIMEOUT);
        assertThat(t.retries()).isEqualTo(2);
        assertThat(wire.opcode(wire.sent.size() - 1)).isEqualTo(Packets.ERROR);
        assertThat(t.onPacket(ack(1), 4 * TIMEOUT)).isFalse();
    }

    @Test
    void progressResetsTheConsecutiveTimeoutsButNotTheTotal() throws Exception {
        ReadTransfer t = transfer(new byte[2000], 512, 1, 1, Map.of());
        t.start(0);
        t.onTimeout(TIMEOUT);
        t.onPacket(ack(1), TIMEOUT + 1);
        t.onTimeout(2 * TIMEOUT + 1);
        assertThat(t.finished()).isFalse();
        t.onPacket(ack(2), 2 * TIMEOUT + 2);
        assertThat(t.retries()).isEqualTo(2);
        assertThat(t.deadline()).isEqualTo(3 * TIMEOUT + 2);
    }

    @Test
    void sendsTheOackFirstAndDataAfterAck0() throws Exception {
        ReadTransfer t = transfer(new byte[100], 512, 1, 3, Map.of("tsize", "100"));
        t.start(0);
        assertThat(wire.opcode(0)).isEqualTo(Packets.OACK);
        assertThat(t.onPacket(ack(1), 1)).isFalse();
        t.onTimeout(TIMEOUT);
        assertThat(wire.opcode(1)).isEqualTo(Packets.OACK);
        t.onPacket(ack(0), TIMEOUT + 1);
        assertThat(wire.dataBlocks()).containsExactly(1);
        t.onPacket(ack(0), TIMEOUT + 2);
        assertThat(wire.dataBlocks()).containsExactly(1);
        t.onPacket(ack(1), TIMEOUT + 3);
        assertThat(t.outcome()).isEqualTo(Outcome.COMPLETE);
        assertThat(t.retries()).isEqualTo(1);
    }

    @Test
    void anErrorFromTheClientEndsTheTransfer() throws Exception {
        ReadTransfer t = transfer(new byte[2000], 512, 1, 3, Map.of());
        t.start(0);
        t.onPacket(ByteBuffer.wrap(RawClient.error(3, "disk full")), 1);
        assertThat(t.outcome()).isEqualTo(Outcome.CLIENT_ERROR);
        assertThat(t.detail()).isEqualTo("client sent error 3: disk full");
        assertThat(wire.sent).hasSize(1);
    }

    @Test
    void abortSendsAnErrorOnceAndKeepsTheFirstOutcome() throws Exception {
        ReadTransfer t = transfer(new byte[2000], 512, 1, 3, Map.of());
        t.start(0);
        t.abort(Outcome.SHUTDOWN, "server shutting down");
        t.abort(Outcome.SERVER_ERROR, "later");
        assertThat(t.outcome()).isEqualTo(Outcome.SHUTDOWN);
        assertThat(wire.sent).hasSize(2);
        assertThat(wire.opcode(1)).isEqualTo(Packets.ERROR);
    }

    @Test
    void blockNumbersWrapPast65535AndAcksAreMappedBack() throws Exception {
        int blockSize = 8;
        byte[] content = Fixtures.bytes(65537 * blockSize + 3, 4);
        ReadTransfer t = transfer(content, blockSize, 1, 3, Map.of());
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        t.start(0);
        for (long block = 1; !t.finished(); block++) {
            byte[] packet = wire.last();
            assertThat(wire.block(wire.sent.size() - 1)).isEqualTo((int) (block & 0xFFFF));
            received.write(packet, 4, packet.length - 4);
            t.onPacket(ack((int) (block & 0xFFFF)), block);
        }
        assertThat(received.toByteArray()).isEqualTo(content);
        assertThat(t.blocksAcknowledged()).isEqualTo(65538);
        assertThat(t.bytesAcknowledged()).isEqualTo(content.length);
        assertThat(wire.sent).hasSize(65538);
    }

    @Test
    void sendsAWindowAndGoesBackAfterAPartialAck() throws Exception {
        ReadTransfer t = transfer(new byte[10 * 512 + 1], 512, 4, 3, Map.of());
        t.start(0);
        assertThat(wire.dataBlocks()).containsExactly(1, 2, 3, 4);
        t.onPacket(ack(2), 1);
        assertThat(wire.dataBlocks()).containsExactly(1, 2, 3, 4, 3, 4, 5, 6);
        t.onPacket(ack(6), 2);
        t.onPacket(ack(6), 3);
        assertThat(wire.dataBlocks()).endsWith(7, 8, 9, 10).hasSize(12);
        t.onTimeout(1 + TIMEOUT + 2);
        assertThat(wire.dataBlocks()).endsWith(7, 8, 9, 10, 7, 8, 9, 10).hasSize(16);
        t.onPacket(ack(10), TIMEOUT + 10);
        assertThat(wire.dataBlocks()).endsWith(11).hasSize(17);
        t.onPacket(ack(11), TIMEOUT + 11);
        assertThat(t.outcome()).isEqualTo(Outcome.COMPLETE);
        assertThat(t.bytesAcknowledged()).isEqualTo(10 * 512 + 1);
    }

    @Test
    void releasesAcknowledgedBlocksToTheSource() throws Exception {
        ArraySource source = new ArraySource(new byte[3000], 512);
        ReadTransfer t = new ReadTransfer(source, wire, ByteBuffer.allocate(516), 512, 2, TIMEOUT, 3, Map.of());
        t.start(0);
        t.onPacket(ack(2), 1);
        assertThat(source.released).isEqualTo(2);
    }
}
