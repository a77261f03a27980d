package io.iotseal.advisory.feed;

import io.iotseal.document.SafeXml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import java.util.ArrayList;
import java.util.List;

/**
 * Reading feed XML as SBOMs and VEX documents are read ({@link SafeXml}: a namespace-aware DOM with DOCTYPE
 * refused outright, no entities, no external fetches), a broken file named by line and column. Elements are
 * found by local name, because JVN has published the same vocabulary under http and https namespace URIs.
 */
final class FeedXml {

    private FeedXml() {
    }

    static Document read(String file, byte[] content) throws FeedException {
        try {
            return SafeXml.parse(content);
        } catch (SAXParseException e) {
            throw new FeedException(file + " line " + e.getLineNumber() + ":" + e.getColumnNumber(),
                    "not well-formed XML (is the file cut short?): " + e.getMessage());
        } catch (SAXException e) {
            throw new FeedException(file, "not well-formed XML: " + e.getMessage());
        }
    }

    /** The child elements of {@code parent} with this local name, in document order. */
    static List<Element> children(Element parent, String localName) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(e.getLocalName())) {
                out.add(e);
            }
        }
        return out;
    }

    static Element child(Element parent, String localName) {
        List<Element> c = children(parent, localName);
        return c.isEmpty() ? null : c.getFirst();
    }

    /** The trimmed text of the first such child, or null when absent or blank. */
    static String text(Element parent, String localName) {
        Element c = child(parent, localName);
        return c == null ? null : text(c);
    }

    static String text(Element e) {
        String t = e.getTextContent().strip();
        return t.isEmpty() ? null : t;
    }

    static String attribute(Element e, String name) {
        String v = e.getAttribute(name).strip();
        return v.isEmpty() ? null : v;
    }
}
