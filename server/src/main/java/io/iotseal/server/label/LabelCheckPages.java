package io.iotseal.server.label;

import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.iotseal.label.LabelFacts;
import io.iotseal.label.verify.Verification;
import io.iotseal.server.page.Page;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartException;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;

/**
 * "Check a label" (issue 14, ADR 0084): a consumer or a retailer pastes the text of a label's QR code or
 * uploads a photo of the label and gets the core verifier's verdict ({@link LabelCheck}) in their language.
 * Input that cannot be checked at all (nothing given, not an image, no QR code in it, too large, text that is
 * no label's) is shown next to its field with a 4xx status; a counterfeit is a verdict, not an error.
 */
@Controller
class LabelCheckPages {

    /** Room for the multipart framing and the CSRF field around the photo. */
    private static final long FORM_OVERHEAD = 64 * 1024;

    private final LabelCheck check;
    private final TemplateEngine templates;

    LabelCheckPages(LabelCheck check, TemplateEngine templates) {
        this.check = check;
        this.templates = templates;
    }

    @GetMapping("/check")
    String form(Page page, Model model, HttpServletResponse response) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");   // the form carries this visitor's CSRF token
        return render(page, model, new CheckView("", null, null, LabelCheck.MAX_PHOTO_BYTES, null));
    }

    @PostMapping(path = "/check", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    String checkText(Page page, Model model, HttpServletResponse response, @RequestParam(required = false) String qr) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        String typed = qr == null ? "" : qr;
        try {
            return render(page, model, new CheckView(typed, null, null, LabelCheck.MAX_PHOTO_BYTES,
                    verdict(check.checkText(typed), page.lang())));
        } catch (LabelCheck.BadInput bad) {
            response.setStatus(status(bad.problem()));
            return render(page, model, new CheckView(typed, page.t("check.error." + key(bad.problem())), null,
                    LabelCheck.MAX_PHOTO_BYTES, null));
        }
    }

    /**
     * The photo. The declared length is checked before any of the body is read (multipart parsing is lazy,
     * spring.servlet.multipart.resolve-lazily); a body without one is cut off by the container's part limits.
     */
    @PostMapping(path = "/check", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    String checkPhoto(Page page, Model model, HttpServletRequest request, HttpServletResponse response) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        try {
            if (request.getContentLengthLong() > LabelCheck.MAX_PHOTO_BYTES + FORM_OVERHEAD) {
                throw new LabelCheck.BadInput(LabelCheck.Problem.TOO_LARGE);
            }
            byte[] photo = photo(request);
            return render(page, model, new CheckView("", null, null, LabelCheck.MAX_PHOTO_BYTES,
                    verdict(check.checkPhoto(photo), page.lang())));
        } catch (LabelCheck.BadInput bad) {
            response.setStatus(status(bad.problem()));
            CheckView view = new CheckView("", null, page.t("check.error." + key(bad.problem()),
                    LabelCheck.MAX_PHOTO_BYTES / (1024 * 1024)), LabelCheck.MAX_PHOTO_BYTES, null);
            if (bad.problem() == LabelCheck.Problem.TOO_LARGE) {
                sendNow(page, view, response);
                return null;
            }
            return render(page, model, view);
        }
    }

    /**
     * The page written and flushed at once, and the connection closed after it: the rest of the body is never
     * read, and the container, which would otherwise try to read it before answering, answers first.
     */
    private void sendNow(Page page, CheckView view, HttpServletResponse response) {
        StringOutput html = new StringOutput(8192);
        templates.render("check/page.jte", Map.of("page", page, "check", view), html);
        response.setHeader(HttpHeaders.CONNECTION, "close");
        response.setContentType(MediaType.TEXT_HTML_VALUE + ";charset=UTF-8");
        try {
            response.getWriter().write(html.toString());
            response.flushBuffer();
        } catch (IOException gone) {
            // the visitor left; nothing to answer
        }
    }

    private static byte[] photo(HttpServletRequest request) {
        Part part;
        try {
            part = request.getPart("photo");
        } catch (MultipartException | IllegalStateException | IOException | ServletException tooLargeOrBroken) {
            throw new LabelCheck.BadInput(LabelCheck.Problem.TOO_LARGE);
        }
        if (part == null || part.getSize() == 0) {
            throw new LabelCheck.BadInput(LabelCheck.Problem.EMPTY);
        }
        if (part.getSize() > LabelCheck.MAX_PHOTO_BYTES) {
            throw new LabelCheck.BadInput(LabelCheck.Problem.TOO_LARGE);
        }
        try (InputStream in = part.getInputStream()) {
            return in.readNBytes(LabelCheck.MAX_PHOTO_BYTES + 1);
        } catch (IOException e) {
            throw new LabelCheck.BadInput(LabelCheck.Problem.NOT_AN_IMAGE);
        }
    }

    private static String render(Page page, Model model, CheckView view) {
        model.addAttribute("page", page);
        model.addAttribute("check", view);
        return "check/page";
    }

    private static CheckView.Verdict verdict(LabelCheck.Checked checked, String lang) {
        Verification v = checked.verification();
        PublicLabelStatus live = checked.live();
        LabelFacts facts = v.facts().orElse(null);
        String word = v.verdict().name().toLowerCase(Locale.ROOT);
        boolean withReason = live != null && ("suspended".equals(word) || "revoked".equals(word));
        return new CheckView.Verdict(word, withReason ? live.reason() : null,
                withReason && live.statusSince() != null ? LabelPage.day(live.statusSince()) : null, v.reason(),
                facts == null ? null : facts.id(), facts == null ? null : facts.registrationNumber(),
                facts == null ? null : LabelCheck.productName(facts, lang), facts == null ? null : facts.vendor(),
                facts == null ? null : LocalDate.ofInstant(facts.validUntil(), ZoneOffset.UTC));
    }

    private static int status(LabelCheck.Problem problem) {
        return switch (problem) {
            case TOO_LARGE -> HttpStatus.PAYLOAD_TOO_LARGE.value();
            case NOT_AN_IMAGE -> HttpStatus.UNSUPPORTED_MEDIA_TYPE.value();
            case BUSY -> HttpStatus.SERVICE_UNAVAILABLE.value();
            default -> HttpStatus.UNPROCESSABLE_ENTITY.value();
        };
    }

    private static String key(LabelCheck.Problem problem) {
        return switch (problem) {
            case EMPTY -> "empty";
            case NOT_A_LABEL -> "notALabel";
            case TOO_LARGE -> "tooLarge";
            case NOT_AN_IMAGE -> "notAnImage";
            case TOO_MANY_PIXELS -> "tooManyPixels";
            case NO_QR_CODE -> "noQrCode";
            case BUSY -> "busy";
        };
    }
}
