/// What a symbol command (`\alpha`, `\le`, `\sum`, `\sin`, `\langle` …) stands for.
enum MathSymbol: Sendable, Equatable {
    /// A letter that follows the current font (`\alpha` in `\boldsymbol` is bold).
    case letter(Unicode.Scalar)
    /// A fixed identifier (`\infty`, `\nabla`, `\hbar`).
    case ordinary(String, upright: Bool)
    /// An operator, relation, arrow or punctuation mark.
    case op(MathOperator)
    /// A delimiter that can grow after `\left`/`\right`/`\big`, rendered non-stretchy otherwise.
    case fence(String)
    /// A large operator; `limits` when it takes limits above/below in display style.
    case largeOperator(String, limits: Bool)
    /// A function name (`\sin`, `\lim`); `limits` when it takes limits below in display style.
    case function(String, limits: Bool)
}

/// The command tables. Built once; lookups are by command name without the backslash.
enum MathSymbols {
    static let commands: [String: MathSymbol] = {
        var table: [String: MathSymbol] = [:]
        for (name, scalar) in greekLetters { table[name] = .letter(scalar) }
        for (name, text) in ordinaries { table[name] = .ordinary(text, upright: false) }
        for (name, text) in moreUprightOrdinaries { table[name] = .ordinary(text, upright: true) }
        for (name, text) in moreBinaryOperators { table[name] = .op(MathOperator(text)) }
        for (name, text) in moreRelations { table[name] = .op(MathOperator(text)) }
        for (name, text) in moreFences { table[name] = .fence(text) }
        for name in moreFunctions { table[name] = .function(name, limits: false) }
        table["thetasym"] = .letter("ϑ")
        table["exist"] = .op(MathOperator("∃", form: .prefix))
        for (name, text) in uprightOrdinaries { table[name] = .ordinary(text, upright: true) }
        for (name, text) in binaryOperators { table[name] = .op(MathOperator(text)) }
        for (name, text) in relations { table[name] = .op(MathOperator(text)) }
        for (name, text) in prefixOperators { table[name] = .op(MathOperator(text, form: .prefix)) }
        for (name, text) in fences { table[name] = .fence(text) }
        for (name, text) in largeOperators { table[name] = .largeOperator(text, limits: true) }
        for (name, text) in integrals { table[name] = .largeOperator(text, limits: false) }
        for name in functions { table[name] = .function(name, limits: false) }
        for (name, text) in limitFunctions { table[name] = .function(text, limits: true) }
        table["ldots"] = .op(MathOperator("…", lspace: .zero, rspace: .zero))
        table["dots"] = table["ldots"]
        table["dotsc"] = table["ldots"]
        table["dotso"] = table["ldots"]
        table["cdots"] = .op(MathOperator("⋯", lspace: .zero, rspace: .zero))
        table["dotsb"] = .op(MathOperator("⋯"))
        table["dotsm"] = table["cdots"]
        table["dotsi"] = table["cdots"]
        table["vdots"] = .op(MathOperator("⋮", lspace: .zero, rspace: .zero))
        table["ddots"] = .op(MathOperator("⋱", lspace: .zero, rspace: .zero))
        table["mid"] = .op(MathOperator("∣", lspace: .thick, rspace: .thick))
        table["colon"] = .op(MathOperator(":", lspace: .zero, rspace: .thin))
        table["iff"] = .op(MathOperator("⟺", lspace: .thick, rspace: .thick))
        return table
    }()

    static let greekLetters: [(String, Unicode.Scalar)] = [
        ("alpha", "α"), ("beta", "β"), ("gamma", "γ"), ("delta", "δ"), ("epsilon", "ϵ"), ("varepsilon", "ε"),
        ("zeta", "ζ"), ("eta", "η"), ("theta", "θ"), ("vartheta", "ϑ"), ("iota", "ι"), ("kappa", "κ"),
        ("varkappa", "ϰ"), ("lambda", "λ"), ("mu", "μ"), ("nu", "ν"), ("xi", "ξ"), ("omicron", "ο"), ("pi", "π"),
        ("varpi", "ϖ"), ("rho", "ρ"), ("varrho", "ϱ"), ("sigma", "σ"), ("varsigma", "ς"), ("tau", "τ"),
        ("upsilon", "υ"), ("phi", "ϕ"), ("varphi", "φ"), ("chi", "χ"), ("psi", "ψ"), ("omega", "ω"),
        ("digamma", "ϝ"),
        ("Alpha", "Α"), ("Beta", "Β"), ("Gamma", "Γ"), ("Delta", "Δ"), ("Epsilon", "Ε"), ("Zeta", "Ζ"),
        ("Eta", "Η"), ("Theta", "Θ"), ("Iota", "Ι"), ("Kappa", "Κ"), ("Lambda", "Λ"), ("Mu", "Μ"), ("Nu", "Ν"),
        ("Xi", "Ξ"), ("Omicron", "Ο"), ("Pi", "Π"), ("Rho", "Ρ"), ("Sigma", "Σ"), ("Tau", "Τ"),
        ("Upsilon", "Υ"), ("Phi", "Φ"), ("Chi", "Χ"), ("Psi", "Ψ"), ("Omega", "Ω"),
        ("varGamma", "𝛤"), ("varDelta", "𝛥"), ("varTheta", "𝛩"), ("varLambda", "𝛬"), ("varXi", "𝛯"),
        ("varPi", "𝛱"), ("varSigma", "𝛴"), ("varUpsilon", "𝛶"), ("varPhi", "𝛷"), ("varPsi", "𝛹"),
        ("varOmega", "𝛺"),
        ("imath", "ı"), ("jmath", "ȷ"),
    ]

    /// Ordinary symbols left to the default (possibly slanted) style.
    static let ordinaries: [(String, String)] = [
        ("partial", "∂"), ("ell", "ℓ"), ("hbar", "ℏ"), ("hslash", "ℏ"), ("wp", "℘"),
    ]

    /// Ordinary symbols that stay upright.
    static let uprightOrdinaries: [(String, String)] = [
        ("infty", "∞"), ("nabla", "∇"), ("aleph", "ℵ"), ("beth", "ℶ"), ("emptyset", "∅"), ("varnothing", "∅"),
        ("Re", "ℜ"), ("Im", "ℑ"), ("top", "⊤"), ("bot", "⊥"), ("angle", "∠"), ("triangle", "△"),
        ("prime", "′"), ("backprime", "‵"), ("dagger", "†"), ("ddagger", "‡"), ("checkmark", "✓"), ("S", "§"),
        ("P", "¶"), ("#", "#"), ("%", "%"), ("&", "&"), ("_", "_"), ("$", "$"), ("flat", "♭"), ("sharp", "♯"),
        ("natural", "♮"), ("clubsuit", "♣"), ("diamondsuit", "♢"), ("heartsuit", "♡"), ("spadesuit", "♠"),
        ("degree", "°"), ("Box", "□"), ("square", "□"), ("blacksquare", "■"), ("complement", "∁"),
        ("mho", "℧"), ("eth", "ð"), ("surd", "√"), ("diagup", "╱"), ("diagdown", "╲"),
    ]

    static let binaryOperators: [(String, String)] = [
        ("pm", "±"), ("mp", "∓"), ("times", "×"), ("div", "÷"), ("cdot", "⋅"), ("cdotp", "⋅"), ("ast", "∗"),
        ("star", "⋆"), ("circ", "∘"), ("bullet", "∙"), ("odot", "⊙"), ("otimes", "⊗"), ("oplus", "⊕"),
        ("ominus", "⊖"), ("oslash", "⊘"), ("cap", "∩"), ("cup", "∪"), ("sqcap", "⊓"), ("sqcup", "⊔"),
        ("wedge", "∧"), ("land", "∧"), ("vee", "∨"), ("lor", "∨"), ("setminus", "∖"), ("smallsetminus", "∖"),
        ("wr", "≀"), ("diamond", "⋄"), ("bigtriangleup", "△"), ("bigtriangledown", "▽"),
        ("triangleleft", "◃"), ("triangleright", "▹"), ("amalg", "⨿"), ("uplus", "⊎"), ("dotplus", "∔"),
        ("ltimes", "⋉"), ("rtimes", "⋊"), ("boxplus", "⊞"), ("boxtimes", "⊠"), ("boxminus", "⊟"),
        ("boxdot", "⊡"), ("circledast", "⊛"), ("circledcirc", "⊚"), ("intercal", "⊺"), ("barwedge", "⊼"),
        ("veebar", "⊻"), ("centerdot", "⋅"), ("ldotp", "."),
    ]

    static let relations: [(String, String)] = [
        ("le", "≤"), ("leq", "≤"), ("ge", "≥"), ("geq", "≥"), ("ne", "≠"), ("neq", "≠"), ("approx", "≈"),
        ("equiv", "≡"), ("sim", "∼"), ("simeq", "≃"), ("cong", "≅"), ("propto", "∝"), ("to", "→"),
        ("rightarrow", "→"), ("leftarrow", "←"), ("gets", "←"), ("leftrightarrow", "↔"), ("Rightarrow", "⇒"),
        ("Leftarrow", "⇐"), ("Leftrightarrow", "⇔"), ("implies", "⟹"), ("impliedby", "⟸"),
        ("mapsto", "↦"), ("longmapsto", "⟼"), ("longrightarrow", "⟶"), ("longleftarrow", "⟵"),
        ("Longrightarrow", "⟹"), ("Longleftarrow", "⟸"), ("longleftrightarrow", "⟷"),
        ("Longleftrightarrow", "⟺"), ("nearrow", "↗"), ("searrow", "↘"), ("swarrow", "↙"), ("nwarrow", "↖"),
        ("hookrightarrow", "↪"), ("hookleftarrow", "↩"), ("rightharpoonup", "⇀"), ("rightharpoondown", "⇁"),
        ("leftharpoonup", "↼"), ("leftharpoondown", "↽"), ("rightleftharpoons", "⇌"), ("leadsto", "⇝"),
        ("twoheadrightarrow", "↠"), ("rightsquigarrow", "⇝"), ("circlearrowleft", "↺"), ("circlearrowright", "↻"),
        ("in", "∈"), ("notin", "∉"), ("ni", "∋"), ("owns", "∋"), ("subset", "⊂"), ("supset", "⊃"),
        ("subseteq", "⊆"), ("supseteq", "⊇"), ("subsetneq", "⊊"), ("supsetneq", "⊋"), ("nsubseteq", "⊈"),
        ("sqsubset", "⊏"), ("sqsupset", "⊐"), ("sqsubseteq", "⊑"), ("sqsupseteq", "⊒"), ("ll", "≪"),
        ("gg", "≫"), ("lll", "⋘"), ("ggg", "⋙"), ("prec", "≺"), ("succ", "≻"), ("preceq", "⪯"), ("succeq", "⪰"),
        ("perp", "⊥"), ("parallel", "∥"), ("nparallel", "∦"), ("nmid", "∤"), ("vdash", "⊢"), ("dashv", "⊣"),
        ("models", "⊨"), ("vDash", "⊨"), ("asymp", "≍"), ("doteq", "≐"), ("leqslant", "⩽"), ("geqslant", "⩾"),
        ("lesssim", "≲"), ("gtrsim", "≳"), ("lessapprox", "⪅"), ("gtrapprox", "⪆"), ("triangleq", "≜"),
        ("coloneqq", "≔"), ("eqqcolon", "≕"), ("coloneq", "≔"), ("approxeq", "≊"), ("bowtie", "⋈"),
        ("smile", "⌣"), ("frown", "⌢"), ("nless", "≮"), ("ngtr", "≯"), ("nleq", "≰"), ("ngeq", "≱"),
        ("nsim", "≁"), ("ncong", "≇"), ("lneq", "⪇"), ("gneq", "⪈"), ("propto", "∝"), ("varpropto", "∝"),
        ("therefore", "∴"), ("because", "∵"), ("eqcirc", "≖"), ("circeq", "≗"), ("thicksim", "∼"),
        ("thickapprox", "≈"), ("backsim", "∽"), ("Subset", "⋐"), ("Supset", "⋑"), ("vartriangleleft", "⊲"),
        ("vartriangleright", "⊳"), ("trianglelefteq", "⊴"), ("trianglerighteq", "⊵"), ("multimap", "⊸"),
        ("dashrightarrow", "⇢"), ("Uparrow", "⇑"), ("Downarrow", "⇓"),
        ("Updownarrow", "⇕"), ("uparrow", "↑"), ("downarrow", "↓"), ("updownarrow", "↕"),
        ("rightrightarrows", "⇉"), ("leftleftarrows", "⇇"), ("leftrightarrows", "⇆"), ("Lsh", "↰"), ("Rsh", "↱"),
        ("upharpoonright", "↾"), ("restriction", "↾"),
    ]

    /// Logic symbols that act as prefix operators.
    static let prefixOperators: [(String, String)] = [
        ("forall", "∀"), ("exists", "∃"), ("nexists", "∄"), ("neg", "¬"), ("lnot", "¬"),
    ]

    /// Delimiters (also valid after `\left`, `\right`, `\big` …).
    static let fences: [(String, String)] = [
        ("{", "{"), ("}", "}"), ("lbrace", "{"), ("rbrace", "}"), ("lbrack", "["), ("rbrack", "]"),
        ("|", "‖"), ("Vert", "‖"), ("vert", "|"), ("lvert", "|"), ("rvert", "|"), ("lVert", "‖"), ("rVert", "‖"),
        ("langle", "⟨"), ("rangle", "⟩"), ("lfloor", "⌊"), ("rfloor", "⌋"), ("lceil", "⌈"), ("rceil", "⌉"),
        ("backslash", "\\"), ("lgroup", "⟮"), ("rgroup", "⟯"), ("lmoustache", "⎰"), ("rmoustache", "⎱"),
        ("llbracket", "⟦"), ("rrbracket", "⟧"), ("ulcorner", "⌜"), ("urcorner", "⌝"),
    ]

    static let largeOperators: [(String, String)] = [
        ("sum", "∑"), ("prod", "∏"), ("coprod", "∐"), ("bigcup", "⋃"), ("bigcap", "⋂"), ("bigvee", "⋁"),
        ("bigwedge", "⋀"), ("bigoplus", "⨁"), ("bigotimes", "⨂"), ("bigodot", "⨀"), ("bigsqcup", "⨆"),
        ("biguplus", "⨄"),
    ]

    static let integrals: [(String, String)] = [
        ("int", "∫"), ("iint", "∬"), ("iiint", "∭"), ("iiiint", "⨌"), ("oint", "∮"), ("oiint", "∯"),
        ("oiiint", "∰"), ("intop", "∫"), ("smallint", "∫"),
    ]

    /// Function names without limits.
    static let functions: [String] = [
        "sin", "cos", "tan", "cot", "sec", "csc", "arcsin", "arccos", "arctan", "arccot", "sinh", "cosh",
        "tanh", "coth", "sech", "csch", "log", "ln", "lg", "exp", "arg", "deg", "dim", "hom", "ker", "sgn",
        "tr", "Tr", "rank", "diag", "erf", "Var", "Cov", "softmax",
    ]

    /// Function names that take limits below in display style.
    static let limitFunctions: [(String, String)] = [
        ("lim", "lim"), ("liminf", "lim inf"), ("limsup", "lim sup"), ("max", "max"), ("min", "min"),
        ("sup", "sup"), ("inf", "inf"), ("det", "det"), ("Pr", "Pr"), ("gcd", "gcd"), ("argmax", "arg max"),
        ("argmin", "arg min"), ("injlim", "inj lim"), ("projlim", "proj lim"), ("plim", "plim"),
        ("esssup", "ess sup"), ("essinf", "ess inf"),
    ]

    /// The delimiter a token stands for after `\left`, `\right`, `\middle`, `\big` …; `""` for `.`.
    static func delimiter(for token: TeXLexer.Token) -> String? {
        switch token {
        case .character(let scalar):
            switch scalar {
            case "(", ")", "[", "]", "|", "/": return String(Character(scalar))
            case "<": return "⟨"
            case ">": return "⟩"
            case ".": return ""
            default:
                return scalar.value >= 0x80 && scalar.properties.generalCategory == .mathSymbol ? String(Character(scalar)) : nil
            }
        case .command(let name):
            switch commands[name] {
            case .fence(let text): return text
            case .op(let op) where ["↑", "↓", "↕", "⇑", "⇓", "⇕"].contains(op.text): return op.text
            default: return nil
            }
        case .end:
            return nil
        }
    }
}
