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
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.Encoder;
import java.awt.image.BufferedImage;
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

    /** The modules of the symbol, with a 4-module quiet zone. */
    public static BitMatrix matrix(String text) {
        try {
            return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, HINTS);
        } catch (WriterException e) {
            throw new IllegalArgumentException("text does not fit any QR code: " + e.getMessage(), e);
        }
    }

    /** A black-on-white image of the symbol, {@code moduleSize} pixels per module. */
    public static BufferedImage image(String text, int moduleSize) {
        BitMatrix m = matrix(text);
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
        var bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
        try {
            return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
        } catch (NotFoundException e) {
            throw new IllegalArgumentException("no QR code found in the image", e);
        } catch (ChecksumException | FormatException e) {
            throw new IllegalArgumentException("the QR code in the image cannot be read (damaged or not a QR code)", e);
        }
    }
}
