package dev.llmuptime.aggregator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The badges' SVG: well-formed, label and value as text, the value's colour, widths that fit the text. */
class BadgeTest {

    @Test
    void anUptimeBadgeShowsTheWindowAndThePercentInItsLevelsColour() throws Exception {
        Document svg = parse(Badge.uptime(UptimeWindow.DAY, 0.9995).svg());

        assertThat(texts(svg)).containsExactly("uptime 24h", "uptime 24h", "99.95%", "99.95%");
        assertThat(svg.getElementsByTagName("title").item(0).getTextContent()).isEqualTo("uptime 24h: 99.95%");
        assertThat(valueRect(svg).getAttribute("fill")).isEqualTo("#4c1");
        int labelWidth = Integer.parseInt(valueRect(svg).getAttribute("x"));
        int valueWidth = Integer.parseInt(valueRect(svg).getAttribute("width"));
        assertThat(Integer.parseInt(svg.getDocumentElement().getAttribute("width"))).isEqualTo(labelWidth + valueWidth);
        assertThat(labelWidth).isGreaterThan(Badge.textWidth("uptime 24h"));
        assertThat(valueWidth).isGreaterThan(Badge.textWidth("99.95%"));
    }

    @Test
    void colourFollowsTheUptimeAndNoDataIsGreyNotHundredPercent() {
        assertThat(Badge.uptime(UptimeWindow.HOUR, 1.0).value()).isEqualTo("100%");
        assertThat(Badge.uptime(UptimeWindow.HOUR, 0.99999).value()).as("cut, never rounded up").isEqualTo("99.99%");
        assertThat(Badge.uptime(UptimeWindow.HOUR, 0.995).colour()).isEqualTo("#97ca00");
        assertThat(Badge.uptime(UptimeWindow.HOUR, 0.96).colour()).isEqualTo("#dfb317");
        assertThat(Badge.uptime(UptimeWindow.HOUR, 0.91).colour()).isEqualTo("#fe7d37");
        assertThat(Badge.uptime(UptimeWindow.HOUR, 0.5).colour()).isEqualTo("#e05d44");
        Badge none = Badge.uptime(UptimeWindow.MONTH, null);
        assertThat(none.value()).isEqualTo("no data");
        assertThat(none.colour()).isEqualTo("#9f9f9f");
        assertThat(none.label()).isEqualTo("uptime 30d");
    }

    @Test
    void aStatusBadgeNamesTheStateInItsColour() throws Exception {
        assertThat(texts(parse(Badge.status(PublicState.DOWN).svg()))).contains("status", "down");
        assertThat(valueRect(parse(Badge.status(PublicState.DOWN).svg())).getAttribute("fill")).isEqualTo("#e05d44");
        assertThat(valueRect(parse(Badge.status(PublicState.OPERATIONAL).svg())).getAttribute("fill"))
                .isEqualTo("#4c1");
        assertThat(Badge.status(PublicState.DEGRADED).value()).isEqualTo("degraded");
        assertThat(Badge.status(PublicState.UNKNOWN).colour()).isEqualTo("#9f9f9f");
    }

    @Test
    void textIsEscaped() throws Exception {
        String svg = new Badge("a<b>&\"c'", "<script>alert(1)</script>", "#4c1").svg();

        assertThat(svg).doesNotContain("<script>").contains("&lt;script&gt;");
        assertThat(texts(parse(svg))).contains("a<b>&\"c'", "<script>alert(1)</script>");
    }

    @Test
    void widerTextMakesAWiderBadge() {
        assertThat(Badge.textWidth("100%")).isGreaterThan(Badge.textWidth("99"));
        assertThat(Badge.textWidth("operational")).isGreaterThan(Badge.textWidth("down"));
        assertThat(Badge.textWidth("")).isZero();
    }

    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<String> texts(Document svg) {
        NodeList texts = svg.getElementsByTagName("text");
        List<String> contents = new ArrayList<>();
        for (int i = 0; i < texts.getLength(); i++) {
            contents.add(texts.item(i).getTextContent());
        }
        return contents;
    }

    /** The second rectangle of the clipped group: the value's background. */
    private static Element valueRect(Document svg) {
        return (Element) svg.getElementsByTagName("rect").item(2);
    }
}
