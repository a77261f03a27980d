package io.iotseal.server.registry.feed;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.UUID;

/**
 * One page of the label status feed as an Atom 1.0 document (RFC 4287) with RFC 5005 paging links,
 * written by the JDK's StAX writer (escaping is not hand-made). Ids are {@code urn:uuid:} URIs derived
 * from the registry's URL and what the entry reports, so an entry keeps its id across pages, requests and
 * instances. Titles and summaries come from the message bundles in the asked language.
 */
final class AtomFeed {

    static final String MEDIA_TYPE = "application/atom+xml";
    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final String XML = "http://www.w3.org/XML/1998/namespace";

    /** A page: its entries, its number, the last page's number, and the feed's title arguments. */
    record Page(List<StatusChange> entries, int page, int lastPage, String titleKey, String subject) {
    }

    private AtomFeed() {
    }

    /**
     * @param base  the registry's public URL (no trailing slash)
     * @param path  the feed's path
     * @param query the filter's query string without page and lang (may be empty)
     * @param now   the feed's updated time when it has no entry
     * @param author who publishes the feed (the scheme operator's name, or the registry's URL)
     */
    static byte[] write(Page page, String base, String path, String query, String lang, Instant now, String author) {
        ResourceBundle messages = ResourceBundle.getBundle("io.iotseal.server.registry.feed.messages",
                "ja".equals(lang) ? Locale.JAPANESE : Locale.ROOT,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("feed");
            xml.writeDefaultNamespace(ATOM);
            xml.writeAttribute("xml", XML, "lang", lang);
            text(xml, "id", "urn:uuid:" + uuid(base + path + "?" + query));
            text(xml, "title", format(messages, page.titleKey(), base, page.subject()));
            text(xml, "subtitle", messages.getString("feed.subtitle"));
            Instant updated = page.entries().isEmpty() ? now : page.entries().get(0).at();
            text(xml, "updated", rfc3339(updated));
            xml.writeStartElement("author");
            text(xml, "name", author);
            text(xml, "uri", base);
            xml.writeEndElement();
            text(xml, "generator", "IoTSeal");
            String self = base + path + "?" + (query.isEmpty() ? "" : query + "&") + "lang=" + lang + "&page=";
            link(xml, "self", self + page.page(), MEDIA_TYPE);
            link(xml, "first", self + 0, MEDIA_TYPE);
            if (page.page() > 0) {
                link(xml, "previous", self + (page.page() - 1), MEDIA_TYPE);
            }
            if (page.page() < page.lastPage()) {
                link(xml, "next", self + (page.page() + 1), MEDIA_TYPE);
            }
            link(xml, "last", self + page.lastPage(), MEDIA_TYPE);
            for (StatusChange c : page.entries()) {
                entry(xml, c, base, lang, messages);
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the Atom feed", e);
        }
        return out.toByteArray();
    }

    private static void entry(XMLStreamWriter xml, StatusChange c, String base, String lang, ResourceBundle messages)
            throws XMLStreamException {
        xml.writeStartElement("entry");
        text(xml, "id", "urn:uuid:" + uuid(base + "#" + c.key()));
        text(xml, "title", format(messages, "entry." + c.kind().word(), c.labelId()));
        text(xml, "updated", rfc3339(c.at()));
        link(xml, "alternate", base + "/l/" + c.labelId() + "?lang=" + lang, "text/html");
        link(xml, "related", base + "/api/v1/labels/" + c.labelId(), "application/json");
        xml.writeStartElement("category");
        xml.writeAttribute("scheme", base + "/api/v1/labels/feed#status");
        xml.writeAttribute("term", c.kind().word());
        xml.writeEndElement();
        String product = "ja".equals(lang) && c.productNameJa() != null ? c.productNameJa() : c.productNameEn();
        String summary = format(messages, "summary", c.registrationNumber(), c.vendorName(), product, c.scheme(), c.level());
        if (c.reason() != null && !c.reason().isBlank()) {
            summary += " " + format(messages, "reason", c.reason());
        }
        text(xml, "summary", summary);
        xml.writeEndElement();
    }

    private static String format(ResourceBundle messages, String key, Object... args) {
        return new MessageFormat(messages.getString(key), Locale.ROOT).format(args);
    }

    private static void text(XMLStreamWriter xml, String element, String value) throws XMLStreamException {
        xml.writeStartElement(element);
        xml.writeCharacters(value);
        xml.writeEndElement();
    }

    private static void link(XMLStreamWriter xml, String rel, String href, String type) throws XMLStreamException {
        xml.writeEmptyElement("link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("href", href);
        xml.writeAttribute("type", type);
    }

    /** RFC 3339 in UTC, to the millisecond (what Atom readers parse; the database may hold microseconds). */
    private static String rfc3339(Instant at) {
        return at.truncatedTo(ChronoUnit.MILLIS).toString();
    }

    static UUID uuid(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }
}
