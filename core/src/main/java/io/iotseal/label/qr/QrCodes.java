package io.iotseal.label.qr;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.ChecksumException;
import com.google.zxing.DecodeHintType;
import com.google.zxing.EncodeHintType;
import com.google.zxing.FormatException;
import com.google.zxing.NotFoundException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.GlobalHistogramBinarizer;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.Encoder;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;

/**
 * QR encoding and decoding through ZXing, always at error correction M and with ZXing's compact
 * (minimal, mixed-mode) encoder, so the lower-case URL goes in byte mode and the base32 token in
 * alphanumeric mode within one symbol.
 */
public final class QrCodes {
    /** The largest QR version a label may need: stays printable at a small size (issue 5). */
    public static final int MAX_VERSION = 15;
    /** Images larger than this (pixels per side) are refused before decoding. */
    public static final int MAX_IMAGE_SIDE = 4096;
    private static final Map<EncodeHintType, Object> HINTS = Map.of(
            EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
            EncodeHintType.QR_COMPACT, Boolean.TRUE,
            EncodeHintType.MARGIN, 4);

    private QrCodes() {
    }

    /** The QR version {@code text} needs at level M. */
    public static int version(String text) {
        try {
            return Encoder.encode(text, ErrorCorrectionLevel.M, HINTS).getVersion().getVersionNumber();
        } catch (WriterException e) {
            throw new IllegalArgumentException("text does not fit any QR code: " + e.getMessage(), e);
        }
    }

    /**
     * The modules of the symbol, with a 4-module quiet zone. The symbol is checked by decoding it
     * back: for about 2% of texts, ZXing's detector misses the symbol drawn with the mask the encoder
     * prefers, so another of the eight masks (all valid QR) is used then.
     */
    public static BitMatrix matrix(String text) {
        return matrix(text, symbol -> true);
    }

    /**
     * As {@link #matrix(String)}, for a symbol that must also pass {@code alsoScans}: drawn inside a label's
     * artwork, for instance, where the marks around it can mislead the detector for other symbols.
     */
    public static BitMatrix matrix(String text, java.util.function.Predicate<BitMatrix> alsoScans) {
        BitMatrix preferred = encode(text, HINTS);
        if (scansBack(preferred, text) && alsoScans.test(preferred)) {
            return preferred;
        }
        for (int mask = 0; mask < 8; mask++) {
            Map<EncodeHintType, Object> hints = new java.util.HashMap<>(HINTS);
            hints.put(EncodeHintType.QR_MASK_PATTERN, mask);
            BitMatrix candidate = encode(text, hints);
            if (scansBack(candidate, text) && alsoScans.test(candidate)) {
                return candidate;
            }
        }
        return preferred;
    }

    private static BitMatrix encode(String text, Map<EncodeHintType, Object> hints) {
        try {
            return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, hints);
        } catch (WriterException e) {
            throw new IllegalArgumentException("text does not fit any QR code: " + e.getMessage(), e);
        }
    }

    private static boolean scansBack(BitMatrix matrix, String text) {
        try {
            return text.equals(decode(render(matrix, 3))) && text.equals(decode(render(matrix, 4)));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** A black-on-white image of the symbol, {@code moduleSize} pixels per module. */
    public static BufferedImage image(String text, int moduleSize) {
        return render(matrix(text), moduleSize);
    }

    private static BufferedImage render(BitMatrix m, int moduleSize) {
        BufferedImage image = new BufferedImage(m.getWidth() * moduleSize, m.getHeight() * moduleSize,
                BufferedImage.TYPE_BYTE_BINARY);
        var g = image.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setColor(java.awt.Color.BLACK);
        for (int y = 0; y < m.getHeight(); y++) {
            for (int x = 0; x < m.getWidth(); x++) {
                if (m.get(x, y)) {
                    g.fillRect(x * moduleSize, y * moduleSize, moduleSize, moduleSize);
                }
            }
        }
        g.dispose();
        return image;
    }

    /** The text of the QR code found in {@code image}. */
    public static String decode(BufferedImage image) {
        if (image.getWidth() > MAX_IMAGE_SIDE || image.getHeight() > MAX_IMAGE_SIDE) {
            throw new IllegalArgumentException("image is " + image.getWidth() + "x" + image.getHeight()
                    + " pixels, over the limit of " + MAX_IMAGE_SIDE + " per side");
        }
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        var source = new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels);
        // ZXing's detector misses some symbols with one binarizer and finds them with another; a
        // clean, upright image (a label file rather than a photo) is also read as a pure barcode.
        List<BinaryBitmap> bitmaps = List.of(new BinaryBitmap(new HybridBinarizer(source)),
                new BinaryBitmap(new GlobalHistogramBinarizer(source)));
        IllegalArgumentException failure = null;
        for (Map<DecodeHintType, Object> hints : List.of(Map.<DecodeHintType, Object>of(DecodeHintType.TRY_HARDER, true),
                Map.<DecodeHintType, Object>of(DecodeHintType.PURE_BARCODE, true))) {
            for (BinaryBitmap bitmap : bitmaps) {
                try {
                    return new QRCodeReader().decode(bitmap, hints).getText();
                } catch (NotFoundException e) {
                    failure = failure != null ? failure : new IllegalArgumentException("no QR code found in the image", e);
                } catch (ChecksumException | FormatException e) {
                    failure = new IllegalArgumentException(
                            "the QR code in the image cannot be read (damaged or not a QR code)", e);
                }
            }
        }
        throw failure;
    }
}
