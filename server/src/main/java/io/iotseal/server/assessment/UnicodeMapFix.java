package io.iotseal.server.assessment;

import org.apache.fontbox.cmap.CMap;
import org.apache.fontbox.cmap.CMapParser;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Makes the text of a PDF come out as the ideographs that were written (ADR 0044). Japanese fonts map
 * a kanji such as 言 and its CJK-radical twin ⾔ (U+2F94) to one glyph; PDFBox's ToUnicode map then
 * names the lower code point, the radical, so copying or searching "言" in the PDF fails. This rewrites
 * each embedded font's ToUnicode map with radicals and compatibility ideographs folded (NFKC) to the
 * unified ideographs, which is what the declaration's text contains.
 */
public final class UnicodeMapFix {

    private UnicodeMapFix() {
    }

    public static byte[] apply(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            boolean changed = false;
            Set<COSBase> seen = new HashSet<>();
            for (PDPage page : doc.getPages()) {
                PDResources resources = page.getResources();
                for (COSName name : resources.getFontNames()) {
                    PDFont font = resources.getFont(name);
                    if (font instanceof PDType0Font type0 && seen.add(type0.getCOSObject())) {
                        changed |= rewrite(doc, type0.getCOSObject());
                    }
                }
            }
            if (!changed) {
                return pdf;
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }

    private static boolean rewrite(PDDocument doc, COSDictionary font) throws IOException {
        if (!(font.getDictionaryObject(COSName.TO_UNICODE) instanceof COSStream stream)) {
            return false;
        }
        CMap cmap;
        try (InputStream in = stream.createInputStream()) {
            cmap = new CMapParser().parse(new RandomAccessReadBuffer(in));
        }
        Map<Integer, String> map = new TreeMap<>();
        boolean changed = false;
        for (int code = 0; code <= 0xFFFF; code++) {
            String text = cmap.toUnicode(code);
            if (text != null) {
                String folded = fold(text);
                changed |= !folded.equals(text);
                map.put(code, folded);
            }
        }
        if (changed) {
            font.setItem(COSName.TO_UNICODE, new PDStream(doc, new ByteArrayInputStream(
                    write(map).getBytes(StandardCharsets.US_ASCII)), COSName.FLATE_DECODE));
        }
        return changed;
    }

    /** CJK radicals (U+2E80-2FDF) and compatibility ideographs (U+F900-FAFF) to unified ideographs. */
    static String fold(String text) {
        boolean any = text.codePoints().anyMatch(c -> (c >= 0x2E80 && c <= 0x2FDF) || (c >= 0xF900 && c <= 0xFAFF));
        return any ? Normalizer.normalize(text, Normalizer.Form.NFKC) : text;
    }

    /** A ToUnicode CMap with one bfchar entry per code (PDF 32000-1, 9.10.3), at most 100 per block. */
    private static String write(Map<Integer, String> map) {
        StringBuilder s = new StringBuilder("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
                + "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
                + "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
                + "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
        var entries = map.entrySet().stream().toList();
        for (int i = 0; i < entries.size(); i += 100) {
            var block = entries.subList(i, Math.min(i + 100, entries.size()));
            s.append(block.size()).append(" beginbfchar\n");
            for (var e : block) {
                s.append(String.format("<%04X> <", e.getKey()));
                for (char c : e.getValue().toCharArray()) {
                    s.append(String.format("%04X", (int) c));
                }
                s.append(">\n");
            }
            s.append("endbfchar\n");
        }
        return s.append("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n").toString();
    }
}
