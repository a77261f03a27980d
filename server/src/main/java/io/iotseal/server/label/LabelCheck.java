package io.iotseal.server.label;

import io.iotseal.label.LabelFacts;
import io.iotseal.label.qr.QrCodes;
import io.iotseal.label.qr.QrToken;
import io.iotseal.label.status.StatusPurpose;
import io.iotseal.label.verify.LabelVerifier;
import io.iotseal.label.verify.RegistryStatus;
import io.iotseal.label.verify.Verification;
import org.springframework.stereotype.Service;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The "check a label" page's verdicts (issue 14, ADR 0084): a QR text, typed or read from a photo, verified
 * by the core {@link LabelVerifier} exactly as {@code iotseal label verify --online} does: against this
 * registry's public keys (its JWKS), its two signed status lists, the label page base its QR codes open,
 * then made worse (never better) by the registry's live status with its reason ({@link RegistryStatus}).
 */
@Service
public class LabelCheck {

    /** Largest photo accepted: a phone photo of a label; the page says so before the upload. */
    public static final int MAX_PHOTO_BYTES = 4 * 1024 * 1024;

    /** Why a photo or a text gave no verdict; each has a message next to the field. */
    public enum Problem {
        EMPTY, NOT_A_LABEL, TOO_LARGE, NOT_AN_IMAGE, TOO_MANY_PIXELS, NO_QR_CODE, BUSY
    }

    /** Thrown for input that cannot be verified at all; the page shows {@code problem} next to the field. */
    public static final class BadInput extends RuntimeException {
        private final Problem problem;

        BadInput(Problem problem) {
            super(problem.name());
            this.problem = problem;
        }

        public Problem problem() {
            return problem;
        }
    }

    /** Decoding a photo holds its pixels (up to 64 MiB) and a core: at most one per core at once. */
    private final Semaphore decoders = new Semaphore(Math.max(1, Runtime.getRuntime().availableProcessors()));
    private final RegistryKeys keys;
    private final StatusListService statusLists;
    private final PublicLabels publicLabels;
    private final LabelProperties properties;
    private final Clock clock;

    LabelCheck(RegistryKeys keys, StatusListService statusLists, PublicLabels publicLabels, LabelProperties properties,
               Clock clock) {
        this.keys = keys;
        this.statusLists = statusLists;
        this.publicLabels = publicLabels;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * A verdict and, when the label is registered here, its live status as the registry reports it (the reason
     * of a suspension or revocation comes from there: status lists carry one bit, no reason).
     */
    public record Checked(Verification verification, PublicLabelStatus live) {
    }

    /** The verdict on a QR code's text; a bare token (without the page address) is read as this registry's. */
    public Checked checkText(String text) {
        String qr = text == null ? "" : text.strip();
        if (qr.isEmpty()) {
            throw new BadInput(Problem.EMPTY);
        }
        if (qr.length() > QrToken.MAX_TEXT_CHARS || QrToken.labelIdOf(QrToken.tokenOf(qr)).isEmpty()) {
            // Not an IoTSeal QR token at all (a shop's URL, a typo): a mistake to point out, not a counterfeit.
            throw new BadInput(Problem.NOT_A_LABEL);
        }
        String base = properties.urls().labelPageBase();
        if (qr.indexOf('/') < 0) {
            qr = base + qr;
        }
        LabelVerifier verifier = new LabelVerifier(keys.publicKeys(), base);
        List<String> lists = new ArrayList<>();
        for (StatusPurpose purpose : StatusPurpose.values()) {
            lists.add(statusLists.statusList(purpose).jwt());
        }
        Verification result = verifier.verifyQrText(qr, lists, clock.instant());
        if (result.facts().isEmpty()) {
            return new Checked(result, null);
        }
        PublicLabelStatus live = publicLabels.publicStatus(result.facts().get().id());
        return new Checked(live == null ? result : new RegistryStatus(live.status(), live.reason(),
                live.statusSince() == null ? null : LabelPage.day(live.statusSince())).applyTo(result), live);
    }

    /**
     * The verdict on the QR code in a photo. The image's size in pixels is read from its header before its pixels
     * are decoded, so a small file that would unpack to a huge bitmap is refused unread.
     */
    public Checked checkPhoto(byte[] photo) {
        if (photo == null || photo.length == 0) {
            throw new BadInput(Problem.EMPTY);
        }
        if (photo.length > MAX_PHOTO_BYTES) {
            throw new BadInput(Problem.TOO_LARGE);
        }
        String text;
        try {
            if (!decoders.tryAcquire(10, TimeUnit.SECONDS)) {
                throw new BadInput(Problem.BUSY);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BadInput(Problem.BUSY);
        }
        try {
            text = QrCodes.decode(read(photo));
        } catch (IllegalArgumentException noCode) {
            throw new BadInput(Problem.NO_QR_CODE);
        } finally {
            decoders.release();
        }
        return checkText(text);
    }

    private static BufferedImage read(byte[] photo) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(photo))) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw new BadInput(Problem.NOT_AN_IMAGE);
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                if (reader.getWidth(0) > QrCodes.MAX_IMAGE_SIDE || reader.getHeight(0) > QrCodes.MAX_IMAGE_SIDE) {
                    throw new BadInput(Problem.TOO_MANY_PIXELS);
                }
                return reader.read(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException unreadable) {
            if (unreadable instanceof BadInput bad) {
                throw bad;
            }
            throw new BadInput(Problem.NOT_AN_IMAGE);
        }
    }

    /** The label's name in {@code lang}, else the first the label carries. */
    public static String productName(LabelFacts facts, String lang) {
        String name = facts.productName().get(lang);
        return name != null ? name : facts.productName().values().stream().findFirst().orElse("");
    }
}
