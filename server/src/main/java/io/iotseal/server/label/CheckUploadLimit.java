package io.iotseal.server.label;

import io.iotseal.server.web.RequestSizeLimitFilter;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;

/**
 * The label check's photo (POST /check) is capped by {@link LabelCheck#MAX_PHOTO_BYTES} in its handler, which
 * answers the page with the error next to the field; the general cap would answer problem+json at 1 MiB.
 */
@Component
class CheckUploadLimit implements RequestSizeLimitFilter.OwnSizeLimit {

    @Override
    public boolean appliesTo(HttpServletRequest request) {
        return "POST".equals(request.getMethod())
                && "/check".equals(request.getRequestURI().substring(request.getContextPath().length()));
    }
}
