package io.iotseal.label.artwork;

import com.google.zxing.common.BitMatrix;
import io.iotseal.label.Label;
import io.iotseal.label.qr.QrCodes;
import io.iotseal.scheme.SchemeLevel;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * The printable label: a scheme mark (a plain shield with the scheme's id, drawn here; never an
 * official logo), the level (stars for schemes that show stars), the registration number and the QR
 * code. The same layout is produced as SVG (for print) and PNG (for screens and the scan test).
 */
public final class LabelArtwork {
    private static final int WIDTH = 300;
    private static final int QR_TOP = 150;
    private static final int QR_SIZE = 260;
    private static final int HEIGHT = QR_TOP + QR_SIZE + 20;

    private LabelArtwork() {
    }

    /** Stars for schemes whose labels show stars (JC-STAR ★, CLS levels), else the level's name. */
    static String levelText(Label label, SchemeLevel level) {
        String scheme = label.level().scheme();
        if (scheme.equals("jc-star") || scheme.equals("sg-cls")) {
            return "★".repeat(level.rank());
        }
        return level.name().en();
    }

    /**
     * The label's QR symbol: one that scans back alone and inside this artwork at two sizes. For about 2%
     * of texts the symbol ZXing prefers is missed next to the scheme mark and text; another mask (all
     * eight are valid QR) is then used, the same one in the SVG and the PNG (a PNG at another scale is
     * also checked at its own, which can, rarely, choose another mask for it).
     */
    static BitMatrix symbol(Label label, SchemeLevel level, String qrText) {
        return symbol(label, level, qrText, 2);
    }

    /** As {@link #symbol(Label, SchemeLevel, String)}, also scanning at {@code scale}: a PNG is checked as drawn. */
    private static BitMatrix symbol(Label label, SchemeLevel level, String qrText, int scale) {
        return QrCodes.matrix(qrText, candidate -> scansInArtwork(label, level, candidate, qrText, 2)
                && scansInArtwork(label, level, candidate, qrText, 4)
                && (scale == 2 || scale == 4 || scansInArtwork(label, level, candidate, qrText, scale)));
    }

    private static boolean scansInArtwork(Label label, SchemeLevel level, BitMatrix qr, String qrText, int scale) {
        try {
            return qrText.equals(QrCodes.decode(render(label, level, qr, scale)));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    public static String svg(Label label, SchemeLevel level, String qrText) {
        BitMatrix qr = symbol(label, level, qrText);
        double module = (double) QR_SIZE / qr.getWidth();
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < qr.getHeight(); y++) {
            for (int x = 0; x < qr.getWidth(); x++) {
                if (qr.get(x, y)) {
                    path.append(String.format(Locale.ROOT, "M%.3f %.3fh%.3fv%.3fh-%.3fz",
                            20 + x * module, QR_TOP + y * module, module, module, module));
                }
            }
        }
        String scheme = escape(label.level().scheme().toUpperCase(Locale.ROOT));
        return """
                <svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" role="img" aria-label="%s label %s">
                  <rect x="1" y="1" width="%d" height="%d" rx="14" fill="#fff" stroke="#1a3d6d" stroke-width="2"/>
                  <path d="M40 20 L70 30 L70 58 Q70 80 40 92 Q10 80 10 58 L10 30 Z" fill="#1a3d6d"/>
                  <path d="M26 56 L36 66 L56 42" fill="none" stroke="#fff" stroke-width="6" stroke-linecap="round" stroke-linejoin="round"/>
                  <text x="84" y="48" font-family="sans-serif" font-size="22" font-weight="bold" fill="#1a3d6d">%s</text>
                  <text x="84" y="80" font-family="sans-serif" font-size="26" fill="#d49a00">%s</text>
                  <text x="20" y="125" font-family="monospace" font-size="15" fill="#000">%s</text>
                  <path d="%s" fill="#000"/>
                </svg>
                """.formatted(WIDTH, HEIGHT, WIDTH, HEIGHT, scheme, escape(label.registrationNumber()),
                WIDTH - 2, HEIGHT - 2, scheme, escape(levelText(label, level)), escape(label.registrationNumber()), path);
    }

    public static byte[] png(Label label, SchemeLevel level, String qrText, int scale) {
        if (scale < 1 || scale > 8) {
            throw new IllegalArgumentException("scale must be 1 to 8");
        }
        BufferedImage image = render(label, level, symbol(label, level, qrText, scale), scale);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static BufferedImage render(Label label, SchemeLevel level, BitMatrix qr, int scale) {
        BufferedImage image = new BufferedImage(WIDTH * scale, HEIGHT * scale, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.scale(scale, scale);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        Color blue = new Color(0x1a3d6d);
        g.setColor(blue);
        g.setStroke(new BasicStroke(2));
        g.drawRoundRect(1, 1, WIDTH - 2, HEIGHT - 2, 28, 28);
        Path2D shield = new Path2D.Double();
        shield.moveTo(40, 20);
        shield.lineTo(70, 30);
        shield.lineTo(70, 58);
        shield.quadTo(70, 80, 40, 92);
        shield.quadTo(10, 80, 10, 58);
        shield.lineTo(10, 30);
        shield.closePath();
        g.fill(shield);
        g.setColor(Color.WHITE);
        g.setStroke(new BasicStroke(6, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.drawPolyline(new int[] {26, 36, 56}, new int[] {56, 66, 42}, 3);
        g.setColor(blue);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 22));
        g.drawString(label.level().scheme().toUpperCase(Locale.ROOT), 84, 48);
        g.setColor(new Color(0xd49a00));
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 26));
        g.drawString(levelText(label, level), 84, 80);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.MONOSPACED, Font.PLAIN, 15));
        g.drawString(label.registrationNumber(), 20, 125);
        g.setTransform(new java.awt.geom.AffineTransform());
        int module = Math.max(1, QR_SIZE * scale / qr.getWidth());
        int left = 20 * scale + (QR_SIZE * scale - module * qr.getWidth()) / 2;
        for (int y = 0; y < qr.getHeight(); y++) {
            for (int x = 0; x < qr.getWidth(); x++) {
                if (qr.get(x, y)) {
                    g.fillRect(left + x * module, QR_TOP * scale + y * module, module, module);
                }
            }
        }
        g.dispose();
        return image;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
