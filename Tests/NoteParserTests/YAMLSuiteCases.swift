// The mapping-shaped single-document cases of the YAML test suite
// (https://github.com/yaml/yaml-test-suite, `data` branch), written by scripts/yaml-suite.py.
//
// MIT License
//
// Copyright (c) 2016-2020 Ingy döt Net
//
// Permission is hereby granted, free of charge, to any person obtaining a copy
// of this software and associated documentation files (the "Software"), to deal
// in the Software without restriction, including without limitation the rights
// to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
// copies of the Software, and to permit persons to whom the Software is
// furnished to do so, subject to the following conditions:
//
// The above copyright notice and this permission notice shall be included in all
// copies or substantial portions of the Software.
//
// THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
// IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
// FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
// AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
// LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
// OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
// SOFTWARE.

/// (id, in.yaml, in.json) of each case.
let yamlSuiteCases: [(id: String, yaml: String, json: String)] = [
    ("26DV", "\"top1\" : \n  \"key1\" : &alias1 scalar1\n'top2' : \n  'key2' : &alias2 scalar2\ntop3: &node3 \n  *alias1 : scalar3\ntop4: \n  *alias2 : scalar4\ntop5   :    \n  scalar5\ntop6: \n  &anchor6 'key6' : scalar6\n", "{\"top1\": {\"key1\": \"scalar1\"}, \"top2\": {\"key2\": \"scalar2\"}, \"top3\": {\"scalar1\": \"scalar3\"}, \"top4\": {\"scalar2\": \"scalar4\"}, \"top5\": \"scalar5\", \"top6\": {\"key6\": \"scalar6\"}}"),
    ("2EBW", "a!\"#$%&'()*+,-./09:;<=>?@AZ[\\]^_`az{|}~: safe\n?foo: safe question mark\n:foo: safe colon\n-foo: safe dash\nthis is#not: a comment\n", "{\"a!\\\"#$%&'()*+,-./09:;<=>?@AZ[\\\\]^_`az{|}~\": \"safe\", \"?foo\": \"safe question mark\", \":foo\": \"safe colon\", \"-foo\": \"safe dash\", \"this is#not\": \"a comment\"}"),
    ("2SXE", "&a: key: &a value\nfoo:\n  *a:\n", "{\"key\": \"value\", \"foo\": \"key\"}"),
    ("3GZX", "First occurrence: &anchor Foo\nSecond occurrence: *anchor\nOverride anchor: &anchor Bar\nReuse anchor: *anchor\n", "{\"First occurrence\": \"Foo\", \"Second occurrence\": \"Foo\", \"Override anchor\": \"Bar\", \"Reuse anchor\": \"Bar\"}"),
    ("3UYS", "escaped slash: \"a\\/b\"\n", "{\"escaped slash\": \"a/b\"}"),
    ("4CQQ", "plain:\n  This unquoted scalar\n  spans many lines.\n\nquoted: \"So does this\n  quoted scalar.\\n\"\n", "{\"plain\": \"This unquoted scalar spans many lines.\", \"quoted\": \"So does this quoted scalar.\\n\"}"),
    ("4MUZ/00", "{\"foo\"\n: \"bar\"}\n", "{\"foo\": \"bar\"}"),
    ("4MUZ/01", "{\"foo\"\n: bar}\n", "{\"foo\": \"bar\"}"),
    ("4MUZ/02", "{foo\n: bar}\n", "{\"foo\": \"bar\"}"),
    ("4ZYM", "plain: text\n  lines\nquoted: \"text\n  \tlines\"\nblock: |\n  text\n   \tlines\n", "{\"plain\": \"text lines\", \"quoted\": \"text lines\", \"block\": \"text\\n \\tlines\\n\"}"),
    ("54T7", "{foo: you, bar: far}\n", "{\"foo\": \"you\", \"bar\": \"far\"}"),
    ("565N", "canonical: !!binary \"\\\n R0lGODlhDAAMAIQAAP//9/X17unp5WZmZgAAAOfn515eXvPz7Y6OjuDg4J+fn5\\\n OTk6enp56enmlpaWNjY6Ojo4SEhP/++f/++f/++f/++f/++f/++f/++f/++f/+\\\n +f/++f/++f/++f/++f/++SH+Dk1hZGUgd2l0aCBHSU1QACwAAAAADAAMAAAFLC\\\n AgjoEwnuNAFOhpEMTRiggcz4BNJHrv/zCFcLiwMWYNG84BwwEeECcgggoBADs=\"\ngeneric: !!binary |\n R0lGODlhDAAMAIQAAP//9/X17unp5WZmZgAAAOfn515eXvPz7Y6OjuDg4J+fn5\n OTk6enp56enmlpaWNjY6Ojo4SEhP/++f/++f/++f/++f/++f/++f/++f/++f/+\n +f/++f/++f/++f/++f/++SH+Dk1hZGUgd2l0aCBHSU1QACwAAAAADAAMAAAFLC\n AgjoEwnuNAFOhpEMTRiggcz4BNJHrv/zCFcLiwMWYNG84BwwEeECcgggoBADs=\ndescription:\n The binary value above is a tiny arrow encoded as a gif image.\n", "{\"canonical\": \"R0lGODlhDAAMAIQAAP//9/X17unp5WZmZgAAAOfn515eXvPz7Y6OjuDg4J+fn5OTk6enp56enmlpaWNjY6Ojo4SEhP/++f/++f/++f/++f/++f/++f/++f/++f/++f/++f/++f/++f/++f/++SH+Dk1hZGUgd2l0aCBHSU1QACwAAAAADAAMAAAFLCAgjoEwnuNAFOhpEMTRiggcz4BNJHrv/zCFcLiwMWYNG84BwwEeECcgggoBADs=\", \"generic\": \"R0lGODlhDAAMAIQAAP//9/X17unp5WZmZgAAAOfn515eXvPz7Y6OjuDg4J+fn5\\nOTk6enp56enmlpaWNjY6Ojo4SEhP/++f/++f/++f/++f/++f/++f/++f/++f/+\\n+f/++f/++f/++f/++f/++SH+Dk1hZGUgd2l0aCBHSU1QACwAAAAADAAMAAAFLC\\nAgjoEwnuNAFOhpEMTRiggcz4BNJHrv/zCFcLiwMWYNG84BwwEeECcgggoBADs=\\n\", \"description\": \"The binary value above is a tiny arrow encoded as a gif image.\"}"),
    ("57H4", "sequence: !!seq\n- entry\n- !!seq\n - nested\nmapping: !!map\n foo: bar\n", "{\"sequence\": [\"entry\", [\"nested\"]], \"mapping\": {\"foo\": \"bar\"}}"),
    ("58MP", "{x: :x}\n", "{\"x\": \":x\"}"),
    ("5BVJ", "literal: |\n  some\n  text\nfolded: >\n  some\n  text\n", "{\"literal\": \"some\\ntext\\n\", \"folded\": \"some text\\n\"}"),
    ("5GBF", "Folding:\n  \"Empty line\n   \t\n  as a line feed\"\nChomping: |\n  Clipped empty lines\n \n\n", "{\"Folding\": \"Empty line\\nas a line feed\", \"Chomping\": \"Clipped empty lines\\n\"}"),
    ("5NYZ", "key:    # Comment\n  value\n", "{\"key\": \"value\"}"),
    ("5WE3", "? explicit key # Empty value\n? |\n  block key\n: - one # Explicit compact\n  - two # block value\n", "{\"explicit key\": null, \"block key\\n\": [\"one\", \"two\"]}"),
    ("652Z", "{ ?foo: bar,\nbar: 42\n}\n", "{\"?foo\": \"bar\", \"bar\": 42}"),
    ("6H3V", "'foo: bar\\': baz'\n", "{\"foo: bar\\\\\": \"baz'\"}"),
    ("6HB6", "  # Leading comment line spaces are\n   # neither content nor indentation.\n    \nNot indented:\n By one space: |\n    By four\n      spaces\n Flow style: [    # Leading spaces\n   By two,        # in flow style\n  Also by two,    # are neither\n  \tStill by two   # content nor\n    ]             # indentation.\n", "{\"Not indented\": {\"By one space\": \"By four\\n  spaces\\n\", \"Flow style\": [\"By two\", \"Also by two\", \"Still by two\"]}}"),
    ("6JWB", "foo: !!seq\n  - !!str a\n  - !!map\n    key: !!str value\n", "{\"foo\": [\"a\", {\"key\": \"value\"}]}"),
    ("6SLA", "\"foo\\nbar:baz\\tx \\\\$%^&*()x\": 23\n'x\\ny:z\\tx $%^&*()x': 24\n", "{\"foo\\nbar:baz\\tx \\\\$%^&*()x\": 23, \"x\\\\ny:z\\\\tx $%^&*()x\": 24}"),
    ("74H7", "!!str a: b\nc: !!int 42\ne: !!str f\ng: h\n!!str 23: !!bool false\n", "{\"a\": \"b\", \"c\": 42, \"e\": \"f\", \"g\": \"h\", \"23\": false}"),
    ("7FWL", "!<tag:yaml.org,2002:str> foo :\n  !<!bar> baz\n", "{\"foo\": \"baz\"}"),
    ("7W2P", "? a\n? b\nc:\n", "{\"a\": null, \"b\": null, \"c\": null}"),
    ("87E4", "'implicit block key' : [\n  'implicit flow key' : value,\n ]\n", "{\"implicit block key\": [{\"implicit flow key\": \"value\"}]}"),
    ("8QBE", "key:\n - item1\n - item2\n", "{\"key\": [\"item1\", \"item2\"]}"),
    ("96NN/00", "foo: |-\n \tbar\n", "{\"foo\": \"\\tbar\"}"),
    ("96NN/01", "foo: |-\n \tbar", "{\"foo\": \"\\tbar\"}"),
    ("9FMG", "a:\n  b:\n    c: d\n  e:\n    f: g\nh: i\n", "{\"a\": {\"b\": {\"c\": \"d\"}, \"e\": {\"f\": \"g\"}}, \"h\": \"i\"}"),
    ("9J7A", "foo:\n  bar: baz\n", "{\"foo\": {\"bar\": \"baz\"}}"),
    ("9SHH", "single: 'text'\ndouble: \"text\"\n", "{\"single\": \"text\", \"double\": \"text\"}"),
    ("A2M4", "? a\n: -\tb\n  -  -\tc\n     - d\n", "{\"a\": [\"b\", [\"c\", \"d\"]]}"),
    ("A6F9", "strip: |-\n  text\nclip: |\n  text\nkeep: |+\n  text\n", "{\"strip\": \"text\", \"clip\": \"text\\n\", \"keep\": \"text\\n\"}"),
    ("A984", "a: b\n c\nd:\n e\n  f\n", "{\"a\": \"b c\", \"d\": \"e f\"}"),
    ("AZ63", "one:\n- 2\n- 3\nfour: 5\n", "{\"one\": [2, 3], \"four\": 5}"),
    ("BU8L", "key: &anchor\n !!map\n  a: b\n", "{\"key\": {\"a\": \"b\"}}"),
    ("C2DT", "{\n\"adjacent\":value,\n\"readable\": value,\n\"empty\":\n}\n", "{\"adjacent\": \"value\", \"readable\": \"value\", \"empty\": null}"),
    ("CUP7", "anchored: !local &anchor value\nalias: *anchor\n", "{\"anchored\": \"value\", \"alias\": \"value\"}"),
    ("D88J", "a: [b, c]\n", "{\"a\": [\"b\", \"c\"]}"),
    ("D9TU", "foo: bar\n", "{\"foo\": \"bar\"}"),
    ("DC7X", "a: b\t\nseq:\t\n - a\t\nc: d\t#X\n", "{\"a\": \"b\", \"seq\": [\"a\"], \"c\": \"d\"}"),
    ("DK95/00", "foo:\n \tbar\n", "{\"foo\": \"bar\"}"),
    ("DK95/02", "foo: \"bar\n  \tbaz\"\n", "{\"foo\": \"bar baz\"}"),
    ("DK95/03", " \t\nfoo: 1\n", "{\"foo\": 1}"),
    ("DK95/04", "foo: 1\n\t\nbar: 2\n", "{\"foo\": 1, \"bar\": 2}"),
    ("DK95/05", "foo: 1\n \t\nbar: 2\n", "{\"foo\": 1, \"bar\": 2}"),
    ("DK95/08", "foo: \"bar\n \t \t baz \t \t \"\n", "{\"foo\": \"bar baz \\t \\t \"}"),
    ("E76Z", "&a a: &b b\n*b : *a\n", "{\"a\": \"b\", \"b\": \"a\"}"),
    ("EHF6", "!!map {\n  k: !!seq\n  [ a, !!str b]\n}\n", "{\"k\": [\"a\", \"b\"]}"),
    ("F8F9", " # Strip\n  # Comments:\nstrip: |-\n  # text\n  \n # Clip\n  # comments:\n\nclip: |\n  # text\n \n # Keep\n  # comments:\n\nkeep: |+\n  # text\n\n # Trail\n  # comments.\n", "{\"strip\": \"# text\", \"clip\": \"# text\\n\", \"keep\": \"# text\\n\\n\"}"),
    ("FBC9", "safe: a!\"#$%&'()*+,-./09:;<=>?@AZ[\\]^_`az{|}~\n     !\"#$%&'()*+,-./09:;<=>?@AZ[\\]^_`az{|}~\nsafe question mark: ?foo\nsafe colon: :foo\nsafe dash: -foo\n", "{\"safe\": \"a!\\\"#$%&'()*+,-./09:;<=>?@AZ[\\\\]^_`az{|}~ !\\\"#$%&'()*+,-./09:;<=>?@AZ[\\\\]^_`az{|}~\", \"safe question mark\": \"?foo\", \"safe colon\": \":foo\", \"safe dash\": \"-foo\"}"),
    ("G4RS", "unicode: \"Sosa did fine.\\u263A\"\ncontrol: \"\\b1998\\t1999\\t2000\\n\"\nhex esc: \"\\x0d\\x0a is \\r\\n\"\n\nsingle: '\"Howdy!\" he cried.'\nquoted: ' # Not a ''comment''.'\ntie-fighter: '|\\-*-/|'\n", "{\"unicode\": \"Sosa did fine.☺\", \"control\": \"\\b1998\\t1999\\t2000\\n\", \"hex esc\": \"\\r\\n is \\r\\n\", \"single\": \"\\\"Howdy!\\\" he cried.\", \"quoted\": \" # Not a 'comment'.\", \"tie-fighter\": \"|\\\\-*-/|\"}"),
    ("GH63", "? a\n: 1.3\nfifteen: d\n", "{\"a\": 1.3, \"fifteen\": \"d\"}"),
    ("H2RW", "foo: 1\n\nbar: 2\n    \ntext: |\n  a\n    \n  b\n\n  c\n \n  d\n", "{\"foo\": 1, \"bar\": 2, \"text\": \"a\\n  \\nb\\n\\nc\\n\\nd\\n\"}"),
    ("HMK4", "name: Mark McGwire\naccomplishment: >\n  Mark set a major league\n  home run record in 1998.\nstats: |\n  65 Home Runs\n  0.278 Batting Average\n", "{\"name\": \"Mark McGwire\", \"accomplishment\": \"Mark set a major league home run record in 1998.\\n\", \"stats\": \"65 Home Runs\\n0.278 Batting Average\\n\"}"),
    ("HMQ5", "!!str &a1 \"foo\":\n  !!str bar\n&a2 baz : *a1\n", "{\"foo\": \"bar\", \"baz\": \"foo\"}"),
    ("J3BT", "# Tabs and spaces\nquoted: \"Quoted \t\"\nblock:\t|\n  void main() {\n  \tprintf(\"Hello, world!\\n\");\n  }\n", "{\"quoted\": \"Quoted \\t\", \"block\": \"void main() {\\n\\tprintf(\\\"Hello, world!\\\\n\\\");\\n}\\n\"}"),
    ("J5UC", "foo: blue\nbar: arrr\nbaz: jazz\n", "{\"foo\": \"blue\", \"bar\": \"arrr\", \"baz\": \"jazz\"}"),
    ("J7VC", "one: 2\n\n\nthree: 4\n", "{\"one\": 2, \"three\": 4}"),
    ("JQ4R", "block sequence:\n  - one\n  - two : three\n", "{\"block sequence\": [\"one\", {\"two\": \"three\"}]}"),
    ("JS2J", "First occurrence: &anchor Value\nSecond occurrence: *anchor\n", "{\"First occurrence\": \"Value\", \"Second occurrence\": \"Value\"}"),
    ("JTV5", "? a\n  true\n: null\n  d\n? e\n  42\n", "{\"a true\": \"null d\", \"e 42\": null}"),
    ("K858", "strip: >-\n\nclip: >\n\nkeep: |+\n\n", "{\"strip\": \"\", \"clip\": \"\", \"keep\": \"\\n\"}"),
    ("KMK3", "foo:\n  bar: 1\nbaz: 2\n", "{\"foo\": {\"bar\": 1}, \"baz\": 2}"),
    ("L24T/00", "foo: |\n  x\n   \n", "{\"foo\": \"x\\n \\n\"}"),
    ("L24T/01", "foo: |\n  x\n   ", "{\"foo\": \"x\\n \\n\"}"),
    ("L94M", "? !!str a\n: !!int 47\n? c\n: !!str d\n", "{\"a\": 47, \"c\": \"d\"}"),
    ("L9U5", "implicit block key : [\n  implicit flow key : value,\n ]\n", "{\"implicit block key\": [{\"implicit flow key\": \"value\"}]}"),
    ("LQZ7", "\"implicit block key\" : [\n  \"implicit flow key\" : value,\n ]\n", "{\"implicit block key\": [{\"implicit flow key\": \"value\"}]}"),
    ("M5C3", "literal: |2\n  value\nfolded:\n   !foo\n  >1\n value\n", "{\"literal\": \"value\\n\", \"folded\": \"value\\n\"}"),
    ("NB6Z", "key:\n  value\n  with\n  \t\n  tabs\n", "{\"key\": \"value with\\ntabs\"}"),
    ("P94K", "key:    # Comment\n        # lines\n  value\n\n\n", "{\"key\": \"value\"}"),
    ("PBJ2", "american:\n  - Boston Red Sox\n  - Detroit Tigers\n  - New York Yankees\nnational:\n  - New York Mets\n  - Chicago Cubs\n  - Atlanta Braves\n", "{\"american\": [\"Boston Red Sox\", \"Detroit Tigers\", \"New York Yankees\"], \"national\": [\"New York Mets\", \"Chicago Cubs\", \"Atlanta Braves\"]}"),
    ("Q5MG", "\t{}\n", "{}"),
    ("RLU9", "foo:\n- 42\nbar:\n  - 44\n", "{\"foo\": [42], \"bar\": [44]}"),
    ("RR7F", "a: 4.2\n? d\n: 23\n", "{\"d\": 23, \"a\": 4.2}"),
    ("S9E8", "sequence:\n- one\n- two\nmapping:\n  ? sky\n  : blue\n  sea : green\n", "{\"sequence\": [\"one\", \"two\"], \"mapping\": {\"sky\": \"blue\", \"sea\": \"green\"}}"),
    ("SYW4", "hr:  65    # Home runs\navg: 0.278 # Batting average\nrbi: 147   # Runs Batted In\n", "{\"hr\": 65, \"avg\": 0.278, \"rbi\": 147}"),
    ("TE2A", "block mapping:\n key: value\n", "{\"block mapping\": {\"key\": \"value\"}}"),
    ("UDR7", "sequence: [ one, two, ]\nmapping: { sky: blue, sea: green }\n", "{\"sequence\": [\"one\", \"two\"], \"mapping\": {\"sky\": \"blue\", \"sea\": \"green\"}}"),
    ("UKK6/01", "::\n", "{\":\": null}"),
    ("UV7Q", "x:\n - x\n  \tx\n", "{\"x\": [\"x x\"]}"),
    ("VJP3/01", "k: {\n k\n :\n v\n }\n", "{\"k\": {\"k\": \"v\"}}"),
    ("W5VH", "a: &:@*!$\"<foo>: scalar a\nb: *:@*!$\"<foo>:\n", "{\"a\": \"scalar a\", \"b\": \"scalar a\"}"),
    ("WZ62", "{\n  foo : !!str,\n  !!str : bar,\n}\n", "{\"foo\": \"\", \"\": \"bar\"}"),
    ("XV9V", "Folding:\n  \"Empty line\n\n  as a line feed\"\nChomping: |\n  Clipped empty lines\n \n\n", "{\"Folding\": \"Empty line\\nas a line feed\", \"Chomping\": \"Clipped empty lines\\n\"}"),
    ("Y79Y/001", "foo: |\n \t\nbar: 1\n", "{\"foo\": \"\\t\\n\", \"bar\": 1}"),
    ("Z67P", "literal: |2\n  value\nfolded: !foo >1\n value\n", "{\"literal\": \"value\\n\", \"folded\": \"value\\n\"}"),
    ("ZF4X", "Mark McGwire: {hr: 65, avg: 0.278}\nSammy Sosa: {\n    hr: 63,\n    avg: 0.288\n  }\n", "{\"Mark McGwire\": {\"hr\": 65, \"avg\": 0.278}, \"Sammy Sosa\": {\"hr\": 63, \"avg\": 0.288}}"),
    ("ZH7C", "&a a: b\nc: &d d\n", "{\"a\": \"b\", \"c\": \"d\"}"),
    ("ZK9H", "{ key: [[[\n  value\n ]]]\n}\n", "{\"key\": [[[\"value\"]]]}"),
]
