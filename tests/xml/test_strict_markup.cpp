// Markup pugixml accepts but would misread, on raw bytes: the five entities
// and references to XML characters pass; other references and a '<' in an
// attribute value do not.
#include <doctest/doctest.h>

#include "xml/strict_markup.h"

using ucap::xml::first_lenient_markup;

namespace {

std::size_t bad_at(std::string_view xml) {
  auto bad = first_lenient_markup(xml);
  return bad ? bad->offset : std::string_view::npos;
}

}  // namespace

TEST_CASE("valid references pass") {
  CHECK_FALSE(first_lenient_markup("<a b=\"&quot;&apos;\">&lt;&gt;&amp; &#65; &#x10FFFF; &#x9;&#xA;&#xD;</a>"));
  CHECK_FALSE(first_lenient_markup("<a>no references at all</a>"));
}

TEST_CASE("an '&' in a comment, CDATA section or processing instruction is not a reference") {
  CHECK_FALSE(first_lenient_markup("<a><!-- R&D --><![CDATA[ & ]]><?pi & ?></a>"));
  CHECK(bad_at("<a><!-- & --> & </a>") == 14);
}

TEST_CASE("references pugixml would misread are refused at their '&'") {
  CHECK(bad_at("<a>x&#0;y</a>") == 4);               // would end the text
  CHECK(bad_at("<a>&#1;</a>") == 3);                  // a control character
  CHECK(bad_at("<a>&#xD800;</a>") == 3);              // a surrogate: not UTF-8
  CHECK(bad_at("<a>&#xFFFE;</a>") == 3);
  CHECK(bad_at("<a>&#x110000;</a>") == 3);            // beyond Unicode
  CHECK(bad_at("<a>&#99999999999;</a>") == 3);        // overflows 32 bits
  CHECK(bad_at("<a>&#;</a>") == 3);
  CHECK(bad_at("<a>&#x;</a>") == 3);
  CHECK(bad_at("<a>&#X41;</a>") == 3);                // the x is lower case in XML
  CHECK(bad_at("<a b=\"&nbsp;\"/>") == 6);            // no DOCTYPE declares it
  CHECK(bad_at("<a>R&D</a>") == 4);                   // bare '&'
  CHECK(bad_at("<a>&amp</a>") == 3);
}

TEST_CASE("the reason names the reference") {
  CHECK(first_lenient_markup("<a>&copy;</a>")->reason ==
        "'&copy;' is not one of XML's five entities (&lt; &gt; &amp; &apos; &quot;)");
  CHECK(first_lenient_markup("<a>&#0;</a>")->reason == "'&#0;' does not name a character XML allows");
  CHECK(first_lenient_markup("<a>a & b</a>")->reason == "'&' must be written &amp; when it does not start a reference");
}

TEST_CASE("a '<' in an attribute value is refused, and cannot open a comment there") {
  CHECK(bad_at("<a b=\"1 < 2\"/>") == 8);
  CHECK(first_lenient_markup("<a b='<'/>")->reason == "'<' must be written &lt; in an attribute value");
  CHECK(bad_at("<a b=\"-->\" c='&#0;'>") == 14);
  CHECK_FALSE(first_lenient_markup("<a b=\"x > y\" c='\"'>&gt;</a>"));
}

TEST_CASE("only comments, processing instructions and white space stand around the root") {
  CHECK_FALSE(first_lenient_markup("<?xml version=\"1.0\"?>\n<!-- c -->\n<a><b/>text</a>\n<!-- after -->\n"));
  CHECK(bad_at("<a/>\ntrailing") == 5);
  CHECK(bad_at("<a></a><b x='1'/>") == 7);
  CHECK(first_lenient_markup("<a></a><b x='1'/>")->reason == "a second root element <b>; a document has one");
  CHECK(first_lenient_markup("<a/> &amp;")->reason == "text outside the root element");
  CHECK(bad_at("<a/><![CDATA[dropped]]>") == 4);
}
