package se.creativenorrbotten.directory.common.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class Utf8Test {

    private static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex.replace(" ", ""));
    }

    @ParameterizedTest
    @CsvSource({
        "'',              ''",
        "41 3C 42,        'A<B'",
        "C3 A5,           'å'",
        "E2 82 AC,        '€'",
        "EF BF BD,        '\uFFFD'",
        "F0 9F 98 80,     '😀'",
        "F4 8F BF BF,     '\uDBFF\uDFFF'",
        "EF BB BF 7B 7D,  '\uFEFF{}'",
    })
    void utf8IsDecoded(String bytes, String text) throws Exception {
        assertEquals(text, Utf8.decode(hex(bytes)));
    }

    /** Each malformed form, after two good bytes "ab": the offset is where it starts. */
    @ParameterizedTest
    @ValueSource(strings = {
        "C0 BC",             // overlong '<'
        "C1 BF",             // overlong U+007F
        "E0 80 BC",          // overlong '<' in three bytes
        "E0 9F BF",          // overlong U+07FF
        "F0 80 80 BC",       // overlong '<' in four bytes
        "F0 8F BF BF",       // overlong U+FFFF
        "ED A0 80",          // an encoded high surrogate (CESU-8)
        "ED BF BF",          // an encoded low surrogate
        "ED A0 BD ED B8 80", // an emoji as CESU-8 surrogate halves
        "F4 90 80 80",       // above U+10FFFF
        "F5 80 80 80",
        "F8 88 80 80 80",    // the old five-byte form
        "FC 84 80 80 80 80", // the old six-byte form
        "FE", "FF",
        "80", "BF",          // a continuation byte without a start
        "C3 41",             // a start byte followed by no continuation
        "E2 82",             // cut off at the end
        "F0 9F 98",
    })
    void malformedUtf8IsRefusedWithItsOffset(String bytes) {
        byte[] body = concat("ab".getBytes(StandardCharsets.US_ASCII), hex(bytes));
        Utf8.InvalidUtf8Exception e = assertThrows(Utf8.InvalidUtf8Exception.class, () -> Utf8.decode(body));
        assertEquals(2, e.offset());
    }

    @Test
    void theOffsetCountsFromTheGivenStart() {
        byte[] buffer = hex("FF 61 62 C0 BC");
        Utf8.InvalidUtf8Exception e = assertThrows(Utf8.InvalidUtf8Exception.class, () -> Utf8.decode(buffer, 1, 4));
        assertEquals(2, e.offset());
    }

    /** Against an oracle: bytes are UTF-8 exactly when they survive a lenient decode and encode unchanged. */
    @Test
    void randomBytesAreRefusedExactlyWhenTheyAreNotUtf8() throws Exception {
        Random random = new Random(20261201);
        byte[] alphabet = hex("00 41 7F 80 9F BF C0 C2 DF E0 ED EF F0 F4 F5 FF A0 90 8F");
        int valid = 0;
        for (int n = 0; n < 20_000; n++) {
            byte[] bytes = new byte[random.nextInt(8)];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = random.nextBoolean() ? alphabet[random.nextInt(alphabet.length)] : (byte) random.nextInt(256);
            }
            boolean roundTrips = Arrays.equals(bytes, new String(bytes, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8));
            if (roundTrips) {
                valid++;
                assertArrayEquals(bytes, Utf8.decode(bytes).getBytes(StandardCharsets.UTF_8));
                Utf8.requireValid(bytes, 0, bytes.length);
            } else {
                assertThrows(Utf8.InvalidUtf8Exception.class, () -> Utf8.decode(bytes), () -> HexFormat.of().formatHex(bytes));
                assertThrows(Utf8.InvalidUtf8Exception.class, () -> Utf8.requireValid(bytes, 0, bytes.length),
                        () -> HexFormat.of().formatHex(bytes));
            }
        }
        // Both outcomes were exercised.
        assertEquals(true, valid > 1000 && valid < 19_000, "valid: " + valid);
    }

    /** The check without the text reuses a small buffer: it must judge long input, and name the offset, the same. */
    @Test
    void requireValidJudgesLongInputLikeDecode() throws Exception {
        // Emoji (4 bytes, 2 chars) at every alignment across the check's buffer, then a malformed byte far in.
        for (int shift = 0; shift < 4; shift++) {
            byte[] text = ("x".repeat(shift) + "\uD83D\uDE00".repeat(3000)).getBytes(StandardCharsets.UTF_8);
            Utf8.requireValid(text, 0, text.length);
            byte[] broken = concat(text, hex("C0 BC"));
            Utf8.InvalidUtf8Exception e = assertThrows(Utf8.InvalidUtf8Exception.class,
                    () -> Utf8.requireValid(broken, 0, broken.length));
            assertEquals(text.length, e.offset());
            byte[] cutOff = Arrays.copyOf(text, text.length - 1);
            assertEquals(cutOff.length - 3, assertThrows(Utf8.InvalidUtf8Exception.class,
                    () -> Utf8.requireValid(cutOff, 0, cutOff.length)).offset());
        }
        Utf8.requireValid(new byte[0], 0, 0);
        byte[] offset = hex("FF 61 62 C0 BC");
        assertEquals(2, assertThrows(Utf8.InvalidUtf8Exception.class, () -> Utf8.requireValid(offset, 1, 4)).offset());
    }

    @Test
    void everyCodePointRoundTrips() throws Exception {
        StringBuilder all = new StringBuilder();
        for (int codePoint = 0; codePoint <= Character.MAX_CODE_POINT; codePoint++) {
            if (codePoint < Character.MIN_SURROGATE || codePoint > Character.MAX_SURROGATE) {
                all.appendCodePoint(codePoint);
            }
        }
        String text = all.toString();
        assertEquals(text, Utf8.decode(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
