package io.iotseal.document;

import org.w3c.dom.Document;
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

/**
 * Reads an XML document given to us into a namespace-aware DOM with DOCTYPE refused outright, so no entity
 * is expanded and nothing external is fetched (XXE, billion laughs); any parser error, not only a fatal one,
 * refuses the document.
 */
public final class SafeXml {

    private SafeXml() {
    }

    /**
     * @throws NotWellFormedException "not well-formed XML: …", located by {@code line L, column C} when the
     *                                parser says where
     */
    public static Document read(byte[] content) throws NotWellFormedException {
        try {
            return parse(content);
        } catch (SAXParseException e) {
            throw new NotWellFormedException("line " + e.getLineNumber() + ", column " + e.getColumnNumber(),
                    "not well-formed XML: " + e.getMessage());
        } catch (SAXException e) {
            throw new NotWellFormedException(null, "not well-formed XML: " + e.getMessage());
        }
    }

    /**
     * The same reading for a caller that words the error itself (a feed names its file); a
     * {@link SAXParseException} says the line and column.
     */
    public static Document parse(byte[] content) throws SAXException {
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
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
