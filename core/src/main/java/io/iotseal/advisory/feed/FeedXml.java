package io.iotseal.advisory.feed;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reading feed XML as {@code SbomParser} reads SBOM XML: a namespace-aware DOM with DOCTYPE refused outright
 * (no entities, no external fetches), a broken file named by line and column. Elements are found by local
 * name, because JVN has published the same vocabulary under http and https namespace URIs.
 */
final class FeedXml {

    private FeedXml() {
    }

    static Document read(String file, byte[] content) throws FeedException {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(new ErrorHandler() {
                @Override
                public void warning(SAXParseException e) {
                }

                @Override
                public void error(SAXParseException e) throws SAXException {
                    throw e;
                }

                @Override
                public void fatalError(SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            return b.parse(new ByteArrayInputStream(content));
        } catch (SAXParseException e) {
            throw new FeedException(file + " line " + e.getLineNumber() + ":" + e.getColumnNumber(),
                    "not well-formed XML (is the file cut short?): " + e.getMessage());
        } catch (SAXException e) {
            throw new FeedException(file, "not well-formed XML: " + e.getMessage());
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
