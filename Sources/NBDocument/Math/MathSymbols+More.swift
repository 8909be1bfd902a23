/// The symbols of AMS fonts, `stmaryrd`-style aliases and KaTeX's extra names (`\R`, `\lArr`,
/// `\colonapprox` …), registered in ``MathSymbols/commands`` with the core ones.
extension MathSymbols {
    static let moreUprightOrdinaries: [(String, String)] = [
        ("alef", "ℵ"), ("alefsym", "ℵ"), ("Bbbk", "𝕜"), ("daleth", "ℸ"), ("gimel", "ℷ"), ("Finv", "Ⅎ"),
        ("Game", "⅁"), ("bigstar", "★"), ("blacklozenge", "⧫"), ("lozenge", "◊"), ("blacktriangle", "▲"),
        ("blacktriangledown", "▼"), ("vartriangle", "△"), ("triangledown", "▽"), ("circledR", "®"),
        ("circledS", "Ⓢ"), ("clubs", "♣"), ("diamonds", "♢"), ("hearts", "♡"), ("spades", "♠"), ("copyright", "©"),
        ("dag", "†"), ("ddag", "‡"), ("Dagger", "‡"), ("empty", "∅"), ("infin", "∞"), ("maltese", "✠"),
        ("measuredangle", "∡"), ("sphericalangle", "∢"), ("pounds", "£"), ("mathsterling", "£"), ("yen", "¥"),
        ("sect", "§"), ("weierp", "℘"), ("real", "ℜ"), ("reals", "ℝ"), ("Reals", "ℝ"), ("natnums", "ℕ"),
        ("cnums", "ℂ"), ("Complex", "ℂ"), ("image", "ℑ"), ("Diamond", "◊"), ("mathellipsis", "…"), ("lq", "‘"),
        ("rq", "’"), ("bull", "•"), ("blacktriangleleft", "◀"), ("blacktriangleright", "▶"), ("And", "&"),
        ("textdollar", "$"), ("mathdollar", "$"), ("textunderscore", "_"), ("Bbbk", "𝕜"), ("varnothing", "∅"),
        ("nabla", "∇"), ("angle", "∠"), ("varclubsuit", "♧"), ("vardiamondsuit", "♦"), ("varheartsuit", "♥"),
        ("varspadesuit", "♤"), ("minuso", "⦵"), ("textregistered", "®"), ("textcircled", "◯"),
    ]

    static let moreBinaryOperators: [(String, String)] = [
        ("bigcirc", "◯"), ("circleddash", "⊝"), ("Cap", "⋒"), ("Cup", "⋓"), ("doublecap", "⋒"), ("doublecup", "⋓"),
        ("curlyvee", "⋎"), ("curlywedge", "⋏"), ("divideontimes", "⋇"), ("doublebarwedge", "⩞"), ("gtrdot", "⋗"),
        ("lessdot", "⋖"), ("leftthreetimes", "⋋"), ("rightthreetimes", "⋌"), ("lhd", "⊲"), ("rhd", "⊳"),
        ("unlhd", "⊴"), ("unrhd", "⊵"), ("sdot", "⋅"), ("plusmn", "±"), ("dotplus", "∔"), ("smallsetminus", "∖"),
    ]

    static let moreRelations: [(String, String)] = [
        ("lt", "<"), ("gt", ">"), ("isin", "∈"), ("notni", "∌"), ("backepsilon", "∍"), ("backsimeq", "⋍"),
        ("between", "≬"), ("Bumpeq", "≎"), ("bumpeq", "≏"), ("curlyeqprec", "⋞"), ("curlyeqsucc", "⋟"),
        ("Doteq", "≑"), ("doteqdot", "≑"), ("eqsim", "≂"), ("eqslantgtr", "⪖"), ("eqslantless", "⪕"),
        ("fallingdotseq", "≒"), ("risingdotseq", "≓"), ("geqq", "≧"), ("leqq", "≦"), ("gggtr", "⋙"),
        ("llless", "⋘"), ("gnapprox", "⪊"), ("gneqq", "≩"), ("gnsim", "⋧"), ("lnapprox", "⪉"), ("lneqq", "≨"),
        ("lnsim", "⋦"), ("gtreqless", "⋛"), ("gtreqqless", "⪌"), ("gtrless", "≷"), ("lesseqgtr", "⋚"),
        ("lesseqqgtr", "⪋"), ("lessgtr", "≶"), ("gvertneqq", "≩"), ("lvertneqq", "≨"), ("Join", "⋈"),
        ("ngeqq", "≱"), ("ngeqslant", "≱"), ("nleqq", "≰"), ("nleqslant", "≰"), ("nprec", "⊀"), ("npreceq", "⋠"),
        ("nsucc", "⊁"), ("nsucceq", "⋡"), ("nshortmid", "∤"), ("nshortparallel", "∦"), ("nsubseteqq", "⊈"),
        ("nsupseteq", "⊉"), ("nsupseteqq", "⊉"), ("ntriangleleft", "⋪"), ("ntrianglelefteq", "⋬"),
        ("ntriangleright", "⋫"), ("ntrianglerighteq", "⋭"), ("nVDash", "⊯"), ("nVdash", "⊮"), ("nvDash", "⊭"),
        ("nvdash", "⊬"), ("pitchfork", "⋔"), ("precapprox", "⪷"), ("preccurlyeq", "≼"), ("precnapprox", "⪹"),
        ("precneqq", "⪵"), ("precnsim", "⋨"), ("precsim", "≾"), ("succapprox", "⪸"), ("succcurlyeq", "≽"),
        ("succnapprox", "⪺"), ("succneqq", "⪶"), ("succnsim", "⋩"), ("succsim", "≿"), ("shortmid", "∣"),
        ("shortparallel", "∥"), ("smallfrown", "⌢"), ("smallsmile", "⌣"), ("sub", "⊂"), ("sube", "⊆"),
        ("supe", "⊇"), ("subseteqq", "⫅"), ("supseteqq", "⫆"), ("subsetneqq", "⫋"), ("supsetneqq", "⫌"),
        ("varsubsetneq", "⊊"), ("varsubsetneqq", "⫋"), ("varsupsetneq", "⊋"), ("varsupsetneqq", "⫌"),
        ("Vdash", "⊩"), ("Vvdash", "⊪"), ("imageof", "⊷"), ("origof", "⊶"), ("ratio", "∶"), ("dblcolon", "∷"),
        ("coloncolon", "∷"), ("colonequals", "≔"), ("equalscolon", "≕"), ("vcentcolon", ":"),
        ("approxcolon", "≈:"), ("approxcoloncolon", "≈∷"), ("Colonapprox", "∷≈"), ("colonapprox", ":≈"),
        ("coloncolonapprox", "∷≈"), ("coloncolonequals", "∷="), ("coloncolonminus", "∷−"), ("coloncolonsim", "∷∼"),
        ("Coloneq", "∷−"), ("Coloneqq", "⩴"), ("colonminus", ":−"), ("Colonsim", "∷∼"), ("colonsim", ":∼"),
        ("Eqcolon", "−∷"), ("eqcolon", "∹"), ("Eqqcolon", "=∷"), ("equalscoloncolon", "=∷"), ("minuscolon", "−:"),
        ("minuscoloncolon", "−∷"), ("simcolon", "∼:"), ("simcoloncolon", "∼∷"), ("doteq", "≐"), ("Supset", "⋑"),
        ("sqsubset", "⊏"), ("eqcirc", "≖"), ("nsubseteq", "⊈"), ("nmid", "∤"), ("ngtr", "≯"), ("nless", "≮"),
        ("vDash", "⊨"), ("Vdash", "⊩"), ("nsupseteq", "⊉"), ("notin", "∉"),
        // Arrows
        ("curvearrowleft", "↶"), ("curvearrowright", "↷"), ("Darr", "⇓"), ("dArr", "⇓"), ("darr", "↓"),
        ("downdownarrows", "⇊"), ("downharpoonleft", "⇃"), ("downharpoonright", "⇂"), ("Harr", "⇔"), ("hArr", "⇔"),
        ("harr", "↔"), ("Larr", "⇐"), ("lArr", "⇐"), ("larr", "←"), ("leftarrowtail", "↢"), ("rightarrowtail", "↣"),
        ("leftrightharpoons", "⇋"), ("leftrightsquigarrow", "↭"), ("Lleftarrow", "⇚"), ("Rrightarrow", "⇛"),
        ("looparrowleft", "↫"), ("looparrowright", "↬"), ("Lrarr", "⇔"), ("lrArr", "⇔"), ("lrarr", "↔"),
        ("nleftarrow", "↚"), ("nLeftarrow", "⇍"), ("nLeftrightarrow", "⇎"), ("nleftrightarrow", "↮"),
        ("nRightarrow", "⇏"), ("nrightarrow", "↛"), ("Rarr", "⇒"), ("rArr", "⇒"), ("rarr", "→"),
        ("rightleftarrows", "⇄"), ("twoheadleftarrow", "↞"), ("Uarr", "⇑"), ("uArr", "⇑"), ("uarr", "↑"),
        ("upharpoonleft", "↿"), ("upuparrows", "⇈"), ("dashleftarrow", "⇠"), ("longleftrightarrow", "⟷"),
        ("leftrightarrows", "⇆"), ("rightleftharpoons", "⇌"), ("leftleftarrows", "⇇"), ("rightrightarrows", "⇉"),
        ("restriction", "↾"), ("upharpoonright", "↾"), ("Longleftrightarrow", "⟺"),
    ]

    static let moreFences: [(String, String)] = [
        ("lparen", "("), ("rparen", ")"), ("lBrace", "⦃"), ("rBrace", "⦄"), ("lang", "⟨"), ("rang", "⟩"),
        ("llcorner", "⌞"), ("lrcorner", "⌟"), ("vert", "|"), ("Vert", "‖"),
    ]

    static let moreFunctions: [String] = [
        "arcctg", "arctg", "cosec", "cotg", "ctg", "cth", "tg", "th", "sh", "ch", "arcsec", "arccsc",
    ]
}
