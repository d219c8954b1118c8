package org.st20xx.cisco;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * SEP&lt;MAC&gt;.cnf.xml and XMLDefault.cnf.xml: XML whose {@code loadInformation} element names
 * the image an SCCP phone is to run (seed 001 "load_information for SCCP"); XMLDefault.cnf.xml has
 * one per model, {@code loadInformation<device type>} (7960: 7, 7940: 8). The reader is a
 * non-validating XML parser that refuses DTDs (no external entities) and reports where the XML
 * breaks.
 */
public final class SccpConfigFile {
    private static final String PREFIX = "loadInformation";

    /** A {@code loadInformation...} element: its name, text and line. */
    public record LoadElement(int line, String element, String value) {
    }

    public record Issue(int line, String message, String hint) {
    }

    public record Content(List<LoadElement> loads, List<Issue> issues) {
        public Content {
            loads = List.copyOf(loads);
            issues = List.copyOf(issues);
        }

        public Optional<LoadElement> load(String element) {
            return loads.stream().filter(l -> l.element().equals(element)).reduce((a, b) -> b);
        }
    }

    private SccpConfigFile() {
    }

    /** The SEP&lt;MAC&gt;.cnf.xml st20xx writes: the load alone. */
    public static String render(String image) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<device>\n  <" + PREFIX + ">" + image + "</" + PREFIX
                + ">\n</device>\n";
    }

    public static Content parse(String text) {
        List<LoadElement> loads = new ArrayList<>();
        List<Issue> issues = new ArrayList<>();
        try {
            SAXParserFactory f = SAXParserFactory.newInstance();
            f.setNamespaceAware(false);
            f.setValidating(false);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            SAXParser parser = f.newSAXParser();
            parser.parse(new InputSource(new StringReader(text)), new DefaultHandler() {
                private Locator locator;
                private final Map<Integer, StringBuilder> open = new LinkedHashMap<>();
                private String element;
                private int line;
                private int depth;

                @Override
                public void setDocumentLocator(Locator l) {
                    locator = l;
                }

                @Override
                public void startElement(String uri, String local, String qName, Attributes atts) {
                    depth++;
                    if (qName.startsWith(PREFIX)) {
                        element = qName;
                        line = locator == null ? 1 : locator.getLineNumber();
                        open.put(depth, new StringBuilder());
                    }
                }

                @Override
                public void characters(char[] ch, int start, int length) {
                    StringBuilder sb = open.get(depth);
                    if (sb != null) {
                        sb.append(ch, start, length);
                    }
                }

                @Override
                public void endElement(String uri, String local, String qName) {
                    StringBuilder sb = open.remove(depth);
                    if (sb != null && qName.equals(element)) {
                        String value = sb.toString();
                        if (!value.strip().equals(value)) {
                            issues.add(new Issue(line, "blank space around the image name in <" + qName + ">",
                                    "write <" + qName + ">" + value.strip() + "</" + qName + ">"));
                        }
                        loads.add(new LoadElement(line, qName, value.strip()));
                    }
                    depth--;
                }
            });
        } catch (SAXParseException e) {
            issues.add(new Issue(Math.max(1, e.getLineNumber()), "not well-formed XML: " + e.getMessage(),
                    "fix the XML; the phone ignores a file it cannot read"));
        } catch (SAXException | ParserConfigurationException | IOException e) {
            issues.add(new Issue(1, "cannot read the XML: " + e.getMessage(), "fix the XML"));
        }
        return new Content(loads, issues);
    }

    /**
     * {@code text} with the text of {@code element} replaced by {@code image}, or the element added
     * before the root's end tag; everything else kept as it was.
     */
    public static String withImage(String text, String element, String image) {
        Pattern p = Pattern.compile("(<" + Pattern.quote(element) + "(?:\\s[^>]*)?>)[^<]*(</" + Pattern.quote(element) + ">)");
        Matcher m = p.matcher(text);
        if (m.find()) {
            return m.replaceAll(r -> Matcher.quoteReplacement(r.group(1) + image + r.group(2)));
        }
        Matcher root = Pattern.compile("(?s)(.*)(</[A-Za-z][\\w.-]*>\\s*)$").matcher(text);
        if (root.matches()) {
            return root.group(1) + "  <" + element + ">" + image + "</" + element + ">\n" + root.group(2);
        }
        return render(image);
    }
}
