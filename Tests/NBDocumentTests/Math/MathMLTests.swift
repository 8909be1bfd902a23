import Testing
@testable import NBDocument

/// The inner markup of a formula: what sits between `<semantics>` and `<annotation>`.
func mathBody(_ tex: String, display: Bool = false) -> String {
    let markup = MathML.render(tex, display: display).mathML
    let open = display ? "<math display=\"block\"><semantics>" : "<math display=\"inline\"><semantics>"
    guard markup.hasPrefix(open), let annotation = markup.range(of: "<annotation encoding=\"application/x-tex\">") else {
        return "unexpected wrapper: " + markup
    }
    return String(markup[markup.index(markup.startIndex, offsetBy: open.count)..<annotation.lowerBound])
}

struct MathMLTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var tex: String
        var mathML: String
        var display = false
        var testDescription: String { tex.debugDescription + (display ? " (display)" : "") }
        init(_ tex: String, _ mathML: String, display: Bool = false) {
            self.tex = tex
            self.mathML = mathML
            self.display = display
        }
    }

    static let tokens: [Case] = [
        Case("x", "<mi>x</mi>"),
        Case("12.5", "<mn>12.5</mn>"),
        Case("2.", "<mrow><mn>2</mn><mo lspace=\"0\" rspace=\"0\">.</mo></mrow>"),
        Case("x+1", "<mrow><mi>x</mi><mo>+</mo><mn>1</mn></mrow>"),
        Case("a - b", "<mrow><mi>a</mi><mo>−</mo><mi>b</mi></mrow>"),
        Case("-1", "<mrow><mo>−</mo><mn>1</mn></mrow>"),
        Case("i^2 = -1", "<mrow><msup><mi>i</mi><mn>2</mn></msup><mo>=</mo><mo form=\"prefix\">−</mo><mn>1</mn></mrow>"),
        Case("(-x) - y", "<mrow><mo stretchy=\"false\">(</mo><mo form=\"prefix\">−</mo><mi>x</mi><mo stretchy=\"false\">)</mo><mo>−</mo><mi>y</mi></mrow>"),
        Case("a<b", "<mrow><mi>a</mi><mo>&lt;</mo><mi>b</mi></mrow>"),
        Case("a>b", "<mrow><mi>a</mi><mo>&gt;</mo><mi>b</mi></mrow>"),
        Case("\\&", "<mi mathvariant=\"normal\">&amp;</mi>"),
        Case("(x)", "<mrow><mo stretchy=\"false\">(</mo><mi>x</mi><mo stretchy=\"false\">)</mo></mrow>"),
        Case("[x]", "<mrow><mo stretchy=\"false\">[</mo><mi>x</mi><mo stretchy=\"false\">]</mo></mrow>"),
        Case("|x|", "<mrow><mo stretchy=\"false\" lspace=\"0\" rspace=\"0\">|</mo><mi>x</mi><mo stretchy=\"false\" lspace=\"0\" rspace=\"0\">|</mo></mrow>"),
        Case("x % comment\n+ y", "<mrow><mi>x</mi><mo>+</mo><mi>y</mi></mrow>"),
        Case("", "<mrow></mrow>"),
        Case("θ", "<mi>θ</mi>"),
        Case("损失", "<mtext>损失</mtext>"),
    ]

    static let structures: [Case] = [
        Case("\\frac{a}{b}", "<mfrac><mi>a</mi><mi>b</mi></mfrac>"),
        Case("\\frac12", "<mfrac><mn>1</mn><mn>2</mn></mfrac>"),
        Case("\\dfrac{a}{b}", "<mfrac displaystyle=\"true\"><mi>a</mi><mi>b</mi></mfrac>"),
        Case("{a \\over b}", "<mfrac><mi>a</mi><mi>b</mi></mfrac>"),
        Case("{f(x+h)-f(x)\\over h}", "<mfrac><mrow><mi>f</mi><mo stretchy=\"false\">(</mo><mi>x</mi><mo lspace=\"0\" rspace=\"0\">+</mo><mi>h</mi><mo stretchy=\"false\">)</mo><mo lspace=\"0\" rspace=\"0\">−</mo><mi>f</mi><mo stretchy=\"false\">(</mo><mi>x</mi><mo stretchy=\"false\">)</mo></mrow><mi>h</mi></mfrac>"),
        Case("\\binom{n}{k}", "<mrow><mo form=\"prefix\" fence=\"true\" stretchy=\"false\">(</mo><mfrac linethickness=\"0\"><mi>n</mi><mi>k</mi></mfrac><mo form=\"postfix\" fence=\"true\" stretchy=\"false\">)</mo></mrow>"),
        Case("\\sqrt{x}", "<msqrt><mi>x</mi></msqrt>"),
        Case("\\sqrt{x+1}", "<msqrt><mi>x</mi><mo>+</mo><mn>1</mn></msqrt>"),
        Case("\\sqrt[3]{x}", "<mroot><mi>x</mi><mn>3</mn></mroot>"),
        Case("\\sqrt[n]{x}", "<mroot><mi>x</mi><mi>n</mi></mroot>"),
        Case("x^2", "<msup><mi>x</mi><mn>2</mn></msup>"),
        Case("x_i", "<msub><mi>x</mi><mi>i</mi></msub>"),
        Case("x_i^2", "<msubsup><mi>x</mi><mi>i</mi><mn>2</mn></msubsup>"),
        Case("x^2_i", "<msubsup><mi>x</mi><mi>i</mi><mn>2</mn></msubsup>"),
        Case("x^{10}", "<msup><mi>x</mi><mn>10</mn></msup>"),
        Case("x^10", "<mrow><msup><mi>x</mi><mn>1</mn></msup><mn>0</mn></mrow>"),
        Case("x^{i+1}", "<msup><mi>x</mi><mrow><mi>i</mi><mo lspace=\"0\" rspace=\"0\">+</mo><mn>1</mn></mrow></msup>"),
        Case("{}^{14}C", "<mrow><msup><mrow></mrow><mn>14</mn></msup><mi>C</mi></mrow>"),
        Case("e^{-x^2}", "<msup><mi>e</mi><mrow><mo lspace=\"0\" rspace=\"0\">−</mo><msup><mi>x</mi><mn>2</mn></msup></mrow></msup>"),
        Case("f'", "<mrow><mi>f</mi><mo lspace=\"0\" rspace=\"0\">′</mo></mrow>"),
        Case("f''(x)", "<mrow><mi>f</mi><mo lspace=\"0\" rspace=\"0\">″</mo><mo stretchy=\"false\">(</mo><mi>x</mi><mo stretchy=\"false\">)</mo></mrow>"),
        Case("g^\\prime", "<mrow><mi>g</mi><mo lspace=\"0\" rspace=\"0\">′</mo></mrow>"),
        Case("g^{\\prime\\prime}_i", "<msub><mrow><mi>g</mi><mo lspace=\"0\" rspace=\"0\">″</mo></mrow><mi>i</mi></msub>"),
        Case("f'^2", "<msup><mrow><mi>f</mi><mo lspace=\"0\" rspace=\"0\">′</mo></mrow><mn>2</mn></msup>"),
        Case("p_{n-1}", "<msub><mi>p</mi><mrow><mi>n</mi><mo lspace=\"0\" rspace=\"0\">−</mo><mn>1</mn></mrow></msub>"),
    ]

    static let largeOperators: [Case] = [
        Case("\\sum_{i=1}^n x_i", "<mrow><munderover><mo movablelimits=\"false\">∑</mo><mrow><mi>i</mi><mo lspace=\"0\" rspace=\"0\">=</mo><mn>1</mn></mrow><mi>n</mi></munderover><msub><mi>x</mi><mi>i</mi></msub></mrow>", display: true),
        Case("\\sum_{i=1}^n x_i", "<mrow><msubsup><mo>∑</mo><mrow><mi>i</mi><mo lspace=\"0\" rspace=\"0\">=</mo><mn>1</mn></mrow><mi>n</mi></msubsup><msub><mi>x</mi><mi>i</mi></msub></mrow>"),
        Case("\\prod_k a_k", "<mrow><munder><mo movablelimits=\"false\">∏</mo><mi>k</mi></munder><msub><mi>a</mi><mi>k</mi></msub></mrow>", display: true),
        Case("\\int_0^1 f", "<mrow><msubsup><mo>∫</mo><mn>0</mn><mn>1</mn></msubsup><mi>f</mi></mrow>", display: true),
        Case("\\int\\limits_0^1", "<munderover><mo movablelimits=\"false\">∫</mo><mn>0</mn><mn>1</mn></munderover>", display: true),
        Case("\\sum\\nolimits_i", "<msub><mo>∑</mo><mi>i</mi></msub>", display: true),
        Case("\\lim_{h\\to 0}", "<munder><mi>lim</mi><mrow><mi>h</mi><mo lspace=\"0\" rspace=\"0\">→</mo><mn>0</mn></mrow></munder>", display: true),
        Case("\\xrightarrow{f}", "<mover><mo stretchy=\"true\" lspace=\"0.2778em\" rspace=\"0.2778em\">→</mo><mi>f</mi></mover>"),
        Case("\\xrightarrow[n]{f}", "<munderover><mo stretchy=\"true\" lspace=\"0.2778em\" rspace=\"0.2778em\">→</mo><mi>n</mi><mi>f</mi></munderover>"),
        Case("\\lim_{h\\to 0}", "<msub><mi>lim</mi><mrow><mi>h</mi><mo lspace=\"0\" rspace=\"0\">→</mo><mn>0</mn></mrow></msub>"),
        Case("\\max_x f", "<mrow><munder><mi>max</mi><mi>x</mi></munder><mo>&#x2061;</mo><mspace width=\"0.1667em\"/><mi>f</mi></mrow>", display: true),
        Case("\\frac{\\sum_i a}{2}", "<mfrac><mrow><msub><mo>∑</mo><mi>i</mi></msub><mi>a</mi></mrow><mn>2</mn></mfrac>", display: true),
        Case("\\displaystyle\\sum_i", "<mstyle displaystyle=\"true\" scriptlevel=\"0\"><munder><mo movablelimits=\"false\">∑</mo><mi>i</mi></munder></mstyle>"),
    ]

    static let functions: [Case] = [
        Case("\\sin x", "<mrow><mi>sin</mi><mo>&#x2061;</mo><mspace width=\"0.1667em\"/><mi>x</mi></mrow>"),
        Case("\\sin(x)", "<mrow><mi>sin</mi><mo>&#x2061;</mo><mo stretchy=\"false\">(</mo><mi>x</mi><mo stretchy=\"false\">)</mo></mrow>"),
        Case("2\\cos\\theta", "<mrow><mn>2</mn><mspace width=\"0.1667em\"/><mi>cos</mi><mo>&#x2061;</mo><mspace width=\"0.1667em\"/><mi>θ</mi></mrow>"),
        Case("\\log_2 n", "<mrow><msub><mi>log</mi><mn>2</mn></msub><mo>&#x2061;</mo><mspace width=\"0.1667em\"/><mi>n</mi></mrow>"),
        Case("\\exp", "<mi>exp</mi>"),
        Case("\\tan", "<mi>tan</mi>"),
        Case("\\arg", "<mi>arg</mi>"),
        Case("\\det", "<mi>det</mi>"),
        Case("\\ln", "<mi>ln</mi>"),
        Case("\\min", "<mi>min</mi>"),
        Case("\\operatorname{argmax}", "<mi>argmax</mi>"),
        Case("\\operatorname{sgn} x", "<mrow><mi>sgn</mi><mo>&#x2061;</mo><mspace width=\"0.1667em\"/><mi>x</mi></mrow>"),
        Case("\\operatorname*{argmin}_\\theta", "<munder><mi>argmin</mi><mi>θ</mi></munder>", display: true),
        Case("\\operatorname{E}", "<mi mathvariant=\"normal\">E</mi>"),
    ]

    static let accentsAndFonts: [Case] = [
        Case("\\dot{x}", "<mover accent=\"true\"><mi>x</mi><mo stretchy=\"false\">˙</mo></mover>"),
        Case("\\ddot{x}", "<mover accent=\"true\"><mi>x</mi><mo stretchy=\"false\">¨</mo></mover>"),
        Case("\\hat{y}", "<mover accent=\"true\"><mi>y</mi><mo stretchy=\"false\">ˆ</mo></mover>"),
        Case("\\bar{x}", "<mover accent=\"true\"><mi>x</mi><mo stretchy=\"false\">¯</mo></mover>"),
        Case("\\tilde{x}", "<mover accent=\"true\"><mi>x</mi><mo stretchy=\"false\">˜</mo></mover>"),
        Case("\\vec{v}", "<mover accent=\"true\"><mi>v</mi><mo stretchy=\"true\">&#x20D7;</mo></mover>"),
        Case("\\overline{AB}", "<mrow style=\"border-top:0.06em solid;padding-top:0.12em\"><mi>A</mi><mi>B</mi></mrow>"),
        Case("\\underline{u}", "<munder accentunder=\"true\"><mi>u</mi><mo stretchy=\"true\">&#x332;</mo></munder>"),
        Case("\\widehat{xy}", "<mover accent=\"true\"><mrow><mi>x</mi><mi>y</mi></mrow><mo stretchy=\"true\">ˆ</mo></mover>"),
        Case("\\boxed{x}", "<mrow style=\"border:0.06em solid;padding:0.2em\"><mi>x</mi></mrow>"),
        Case("\\dot x", "<mover accent=\"true\"><mi>x</mi><mo stretchy=\"false\">˙</mo></mover>"),
        Case("\\mathbf{x}", "<mi>𝐱</mi>"),
        Case("\\mathbf{W}_1", "<msub><mi>𝐖</mi><mn>1</mn></msub>"),
        Case("\\mathbf{0}", "<mn>𝟎</mn>"),
        Case("\\boldsymbol{\\theta}", "<mi>𝜽</mi>"),
        Case("\\mathbf{\\nabla}", "<mi>𝛁</mi>"),
        Case("\\boldsymbol{\\partial}", "<mi>𝝏</mi>"),
        Case("\\mathbf{\\Sigma}", "<mi>𝚺</mi>"),
        Case("\\mathbb{1}", "<mn>𝟙</mn>"),
        Case("\\mathfrak{g}", "<mi>𝔤</mi>"),
        Case("\\mathbb{R}^n", "<msup><mi>ℝ</mi><mi>n</mi></msup>"),
        Case("\\mathbb{E}", "<mi>𝔼</mi>"),
        Case("\\mathcal{L}", "<mi>ℒ</mi>"),
        Case("\\mathcal{N}", "<mi>𝒩</mi>"),
        Case("\\mathrm{d}x", "<mrow><mi mathvariant=\"normal\">d</mi><mi>x</mi></mrow>"),
        Case("\\mathrm{softmax}", "<mi>softmax</mi>"),
        Case("\\mathit{Gamma}", "<mrow><mi>𝐺</mi><mi>𝑎</mi><mi>𝑚</mi><mi>𝑚</mi><mi>𝑎</mi></mrow>"),
        Case("\\text{if } x", "<mrow><mtext>if\u{A0}</mtext><mi>x</mi></mrow>"),
        Case("\\text{ for all } x", "<mrow><mtext>\u{A0}for all\u{A0}</mtext><mi>x</mi></mrow>"),
        Case("\\text{a<b \\& c}", "<mtext>a&lt;b &amp; c</mtext>"),
        Case("{\\rm d}x", "<mrow><mi mathvariant=\"normal\">d</mi><mi>x</mi></mrow>"),
    ]

    static let delimiters: [Case] = [
        Case("\\left( x \\right)", "<mrow><mo form=\"prefix\" fence=\"true\" stretchy=\"true\">(</mo><mi>x</mi><mo form=\"postfix\" fence=\"true\" stretchy=\"true\">)</mo></mrow>"),
        Case("\\left. x \\right|", "<mrow><mi>x</mi><mo form=\"postfix\" fence=\"true\" stretchy=\"true\">|</mo></mrow>"),
        Case("\\left\\{ x \\right\\}", "<mrow><mo form=\"prefix\" fence=\"true\" stretchy=\"true\">{</mo><mi>x</mi><mo form=\"postfix\" fence=\"true\" stretchy=\"true\">}</mo></mrow>"),
        Case("\\left\\langle u \\middle| v \\right\\rangle", "<mrow><mo form=\"prefix\" fence=\"true\" stretchy=\"true\">⟨</mo><mi>u</mi><mo fence=\"true\" stretchy=\"true\" lspace=\"0.2778em\" rspace=\"0.2778em\">|</mo><mi>v</mi><mo form=\"postfix\" fence=\"true\" stretchy=\"true\">⟩</mo></mrow>"),
        Case("\\left[ \\frac{a}{b} \\right]", "<mrow><mo form=\"prefix\" fence=\"true\" stretchy=\"true\">[</mo><mfrac><mi>a</mi><mi>b</mi></mfrac><mo form=\"postfix\" fence=\"true\" stretchy=\"true\">]</mo></mrow>"),
        Case("\\bigl( x \\bigr)", "<mrow><mo form=\"prefix\" fence=\"true\" stretchy=\"true\" minsize=\"1.2em\" maxsize=\"1.2em\">(</mo><mi>x</mi><mo form=\"postfix\" fence=\"true\" stretchy=\"true\" minsize=\"1.2em\" maxsize=\"1.2em\">)</mo></mrow>"),
        Case("\\{a\\}", "<mrow><mo stretchy=\"false\">{</mo><mi>a</mi><mo stretchy=\"false\">}</mo></mrow>"),
        Case("\\|x\\|", "<mrow><mo stretchy=\"false\" lspace=\"0\" rspace=\"0\">‖</mo><mi>x</mi><mo stretchy=\"false\" lspace=\"0\" rspace=\"0\">‖</mo></mrow>"),
        Case("\\lVert x\\rVert", "<mrow><mo stretchy=\"false\" lspace=\"0\" rspace=\"0\">‖</mo><mi>x</mi><mo stretchy=\"false\" lspace=\"0\" rspace=\"0\">‖</mo></mrow>"),
        Case("\\langle x\\rangle", "<mrow><mo stretchy=\"false\">⟨</mo><mi>x</mi><mo stretchy=\"false\">⟩</mo></mrow>"),
        Case("\\{ x \\mid x > 0 \\}", "<mrow><mo stretchy=\"false\">{</mo><mi>x</mi><mo lspace=\"0.2778em\" rspace=\"0.2778em\">∣</mo><mi>x</mi><mo>&gt;</mo><mn>0</mn><mo stretchy=\"false\">}</mo></mrow>"),
    ]

    static let spaces: [Case] = [
        Case("\\quad", "<mspace width=\"1em\"/>"),
        Case("\\qquad", "<mspace width=\"2em\"/>"),
        Case("\\,", "<mspace width=\"0.1667em\"/>"),
        Case("\\;", "<mspace width=\"0.2778em\"/>"),
        Case("\\!", "<mspace width=\"-0.1667em\"/>"),
        Case("\\ ", "<mspace width=\"0.3333em\"/>"),
        Case("a~b", "<mrow><mi>a</mi><mspace width=\"0.3333em\"/><mi>b</mi></mrow>"),
        Case("\\hspace{1em}", "<mspace width=\"1em\"/>"),
        Case("\\mkern18mu", "<mspace width=\"1em\"/>"),
    ]

    static let environments: [Case] = [
        Case("\\begin{pmatrix} 1 & 2 \\\\ 3 & 4 \\end{pmatrix}", "<mrow><mo form=\"prefix\" fence=\"true\" stretchy=\"true\">(</mo><mtable><mtr><mtd><mn>1</mn></mtd><mtd><mn>2</mn></mtd></mtr><mtr><mtd><mn>3</mn></mtd><mtd><mn>4</mn></mtd></mtr></mtable><mo form=\"postfix\" fence=\"true\" stretchy=\"true\">)</mo></mrow>"),
        Case("\\begin{bmatrix} a \\\\ b \\end{bmatrix}", "<mrow><mo form=\"prefix\" fence=\"true\" stretchy=\"true\">[</mo><mtable><mtr><mtd><mi>a</mi></mtd></mtr><mtr><mtd><mi>b</mi></mtd></mtr></mtable><mo form=\"postfix\" fence=\"true\" stretchy=\"true\">]</mo></mrow>"),
        Case("\\begin{matrix} a & b \\\\ \\end{matrix}", "<mtable><mtr><mtd><mi>a</mi></mtd><mtd><mi>b</mi></mtd></mtr></mtable>"),
        Case("\\begin{cases} 1 & x > 0 \\\\ 0 & \\text{else} \\end{cases}", "<mrow><mo form=\"prefix\" fence=\"true\" stretchy=\"true\">{</mo><mtable columnalign=\"left left\"><mtr><mtd style=\"text-align:left;text-align:-webkit-left\"><mn>1</mn></mtd><mtd style=\"text-align:left;text-align:-webkit-left\"><mi>x</mi><mo>&gt;</mo><mn>0</mn></mtd></mtr><mtr><mtd style=\"text-align:left;text-align:-webkit-left\"><mn>0</mn></mtd><mtd style=\"text-align:left;text-align:-webkit-left\"><mtext>else</mtext></mtd></mtr></mtable></mrow>"),
        Case("\\begin{aligned} a &= b \\\\ &= c \\end{aligned}", "<mtable displaystyle=\"true\" columnalign=\"right left\"><mtr><mtd style=\"text-align:right;text-align:-webkit-right;padding-right:0\"><mi>a</mi></mtd><mtd style=\"text-align:left;text-align:-webkit-left;padding-left:0\"><mo>=</mo><mi>b</mi></mtd></mtr><mtr><mtd style=\"text-align:right;text-align:-webkit-right;padding-right:0\"></mtd><mtd style=\"text-align:left;text-align:-webkit-left;padding-left:0\"><mo>=</mo><mi>c</mi></mtd></mtr></mtable>"),
        Case("a \\\\ b", "<mtable displaystyle=\"true\"><mtr><mtd><mi>a</mi></mtd></mtr><mtr><mtd><mi>b</mi></mtd></mtr></mtable>", display: true),
        Case("a &= b \\\\ &= c", "<mtable displaystyle=\"true\" columnalign=\"right left\"><mtr><mtd style=\"text-align:right;text-align:-webkit-right;padding-right:0\"><mi>a</mi></mtd><mtd style=\"text-align:left;text-align:-webkit-left;padding-left:0\"><mo>=</mo><mi>b</mi></mtd></mtr><mtr><mtd style=\"text-align:right;text-align:-webkit-right;padding-right:0\"></mtd><mtd style=\"text-align:left;text-align:-webkit-left;padding-left:0\"><mo>=</mo><mi>c</mi></mtd></mtr></mtable>", display: true),
        Case("a \\\\[2pt] b", "<mtable displaystyle=\"true\"><mtr><mtd><mi>a</mi></mtd></mtr><mtr><mtd><mi>b</mi></mtd></mtr></mtable>", display: true),
        Case("a \\\\ [x]", "<mtable displaystyle=\"true\"><mtr><mtd><mi>a</mi></mtd></mtr><mtr><mtd><mo stretchy=\"false\">[</mo><mi>x</mi><mo stretchy=\"false\">]</mo></mtd></mtr></mtable>", display: true),
        Case("\\sum_{\\substack{i<j \\\\ j<k}}", "<munder><mo movablelimits=\"false\">∑</mo><mtable><mtr><mtd style=\"padding:0\"><mi>i</mi><mo lspace=\"0\" rspace=\"0\">&lt;</mo><mi>j</mi></mtd></mtr><mtr><mtd style=\"padding:0\"><mi>j</mi><mo lspace=\"0\" rspace=\"0\">&lt;</mo><mi>k</mi></mtd></mtr></mtable></munder>", display: true),
        Case("\\begin{array}{lr} a & b \\end{array}", "<mtable columnalign=\"left right\"><mtr><mtd style=\"text-align:left;text-align:-webkit-left\"><mi>a</mi></mtd><mtd style=\"text-align:right;text-align:-webkit-right\"><mi>b</mi></mtd></mtr></mtable>"),
    ]

    @Test(arguments: tokens + structures)
    func basics(_ example: Case) {
        #expect(mathBody(example.tex, display: example.display) == example.mathML)
        #expect(MathML.render(example.tex, display: example.display).diagnostics == [])
    }

    @Test(arguments: largeOperators + functions)
    func operatorsAndFunctions(_ example: Case) {
        #expect(mathBody(example.tex, display: example.display) == example.mathML)
        #expect(MathML.render(example.tex, display: example.display).diagnostics == [])
    }

    @Test(arguments: accentsAndFonts + delimiters + spaces)
    func accentsFontsDelimitersSpaces(_ example: Case) {
        #expect(mathBody(example.tex, display: example.display) == example.mathML)
        #expect(MathML.render(example.tex, display: example.display).diagnostics == [])
    }

    @Test(arguments: environments)
    func environmentsAndLineBreaks(_ example: Case) {
        #expect(mathBody(example.tex, display: example.display) == example.mathML)
        #expect(MathML.render(example.tex, display: example.display).diagnostics == [])
    }

    /// Every symbol of a machine-learning course, one by one: the element it becomes.
    static let symbols: [(String, String)] = [
        ("\\alpha", "<mi>α</mi>"), ("\\beta", "<mi>β</mi>"), ("\\gamma", "<mi>γ</mi>"), ("\\delta", "<mi>δ</mi>"),
        ("\\epsilon", "<mi>ϵ</mi>"), ("\\varepsilon", "<mi>ε</mi>"), ("\\zeta", "<mi>ζ</mi>"), ("\\eta", "<mi>η</mi>"),
        ("\\theta", "<mi>θ</mi>"), ("\\vartheta", "<mi>ϑ</mi>"), ("\\iota", "<mi>ι</mi>"), ("\\kappa", "<mi>κ</mi>"),
        ("\\lambda", "<mi>λ</mi>"), ("\\mu", "<mi>μ</mi>"), ("\\nu", "<mi>ν</mi>"), ("\\xi", "<mi>ξ</mi>"),
        ("\\pi", "<mi>π</mi>"), ("\\varpi", "<mi>ϖ</mi>"), ("\\rho", "<mi>ρ</mi>"), ("\\varrho", "<mi>ϱ</mi>"),
        ("\\sigma", "<mi>σ</mi>"), ("\\varsigma", "<mi>ς</mi>"), ("\\tau", "<mi>τ</mi>"), ("\\upsilon", "<mi>υ</mi>"),
        ("\\phi", "<mi>ϕ</mi>"), ("\\varphi", "<mi>φ</mi>"), ("\\chi", "<mi>χ</mi>"), ("\\psi", "<mi>ψ</mi>"),
        ("\\omega", "<mi>ω</mi>"),
        ("\\Gamma", "<mi mathvariant=\"normal\">Γ</mi>"), ("\\Delta", "<mi mathvariant=\"normal\">Δ</mi>"),
        ("\\Theta", "<mi mathvariant=\"normal\">Θ</mi>"), ("\\Lambda", "<mi mathvariant=\"normal\">Λ</mi>"),
        ("\\Xi", "<mi mathvariant=\"normal\">Ξ</mi>"), ("\\Pi", "<mi mathvariant=\"normal\">Π</mi>"),
        ("\\Sigma", "<mi mathvariant=\"normal\">Σ</mi>"), ("\\Upsilon", "<mi mathvariant=\"normal\">Υ</mi>"),
        ("\\Phi", "<mi mathvariant=\"normal\">Φ</mi>"), ("\\Psi", "<mi mathvariant=\"normal\">Ψ</mi>"),
        ("\\Omega", "<mi mathvariant=\"normal\">Ω</mi>"), ("\\varGamma", "<mi>𝛤</mi>"),
        ("\\partial", "<mi>∂</mi>"), ("\\nabla", "<mi mathvariant=\"normal\">∇</mi>"),
        ("\\infty", "<mi mathvariant=\"normal\">∞</mi>"), ("\\ell", "<mi>ℓ</mi>"), ("\\hbar", "<mi>ℏ</mi>"),
        ("\\cdot", "<mo>⋅</mo>"), ("\\times", "<mo>×</mo>"), ("\\pm", "<mo>±</mo>"), ("\\le", "<mo>≤</mo>"),
        ("\\leq", "<mo>≤</mo>"), ("\\ge", "<mo>≥</mo>"), ("\\geq", "<mo>≥</mo>"), ("\\ne", "<mo>≠</mo>"),
        ("\\neq", "<mo>≠</mo>"), ("\\approx", "<mo>≈</mo>"), ("\\equiv", "<mo>≡</mo>"), ("\\to", "<mo>→</mo>"),
        ("\\mapsto", "<mo>↦</mo>"), ("\\rightarrow", "<mo>→</mo>"), ("\\Rightarrow", "<mo>⇒</mo>"),
        ("\\leftarrow", "<mo>←</mo>"), ("\\iff", "<mo lspace=\"0.2778em\" rspace=\"0.2778em\">⟺</mo>"),
        ("\\ldots", "<mo lspace=\"0\" rspace=\"0\">…</mo>"), ("\\cdots", "<mo lspace=\"0\" rspace=\"0\">⋯</mo>"),
        ("\\vdots", "<mo lspace=\"0\" rspace=\"0\">⋮</mo>"), ("\\ddots", "<mo lspace=\"0\" rspace=\"0\">⋱</mo>"),
        ("\\mid", "<mo lspace=\"0.2778em\" rspace=\"0.2778em\">∣</mo>"), ("\\in", "<mo>∈</mo>"),
        ("\\notin", "<mo>∉</mo>"), ("\\subset", "<mo>⊂</mo>"), ("\\subseteq", "<mo>⊆</mo>"),
        ("\\forall", "<mo form=\"prefix\">∀</mo>"), ("\\exists", "<mo form=\"prefix\">∃</mo>"),
        ("\\sim", "<mo>∼</mo>"), ("\\propto", "<mo>∝</mo>"), ("\\odot", "<mo>⊙</mo>"), ("\\otimes", "<mo>⊗</mo>"),
        ("\\oplus", "<mo>⊕</mo>"), ("\\circ", "<mo>∘</mo>"), ("\\cup", "<mo>∪</mo>"), ("\\cap", "<mo>∩</mo>"),
        ("\\setminus", "<mo>∖</mo>"), ("\\top", "<mi mathvariant=\"normal\">⊤</mi>"), ("\\perp", "<mo>⊥</mo>"),
        ("\\ll", "<mo>≪</mo>"), ("\\gg", "<mo>≫</mo>"), ("\\not=", "<mo>≠</mo>"), ("\\not\\in", "<mo>∉</mo>"),
("\\not\\sqsubset", "<mo>⊏&#x338;</mo>"), ("\\not>", "<mo>≯</mo>"),
        ("\\emptyset", "<mi mathvariant=\"normal\">∅</mi>"), ("\\neg", "<mo form=\"prefix\">¬</mo>"),
        ("\\land", "<mo>∧</mo>"), ("\\lor", "<mo>∨</mo>"), ("\\triangleq", "<mo>≜</mo>"),
        ("\\coloneqq", "<mo>≔</mo>"), ("\\star", "<mo>⋆</mo>"), ("\\ast", "<mo>∗</mo>"), ("*", "<mo>∗</mo>"),
        ("\\int", "<mo>∫</mo>"), ("\\oint", "<mo>∮</mo>"), ("\\sum", "<mo>∑</mo>"), ("\\prod", "<mo>∏</mo>"),
        ("\\$", "<mi mathvariant=\"normal\">$</mi>"), ("\\%", "<mi mathvariant=\"normal\">%</mi>"),
        ("\\#", "<mi mathvariant=\"normal\">#</mi>"), ("\\_", "<mi mathvariant=\"normal\">_</mi>"),
    ]

    @Test func symbolTable() {
        for (tex, expected) in Self.symbols {
            #expect(mathBody(tex) == expected, "\(tex)")
            #expect(MathML.render(tex, display: false).diagnostics == [], "\(tex)")
        }
    }

    @Test func wrapperAnnotationAndDisplay() {
        let inline = MathML.render("a<b & \\frac{1}{2}", display: false).mathML
        #expect(inline.hasPrefix("<math display=\"inline\"><semantics>"))
        #expect(inline.hasSuffix("<annotation encoding=\"application/x-tex\">a&lt;b &amp; \\frac{1}{2}</annotation></semantics></math>"))
        let block = MathML.render("x", display: true).mathML
        #expect(block == "<math display=\"block\"><semantics><mi>x</mi><annotation encoding=\"application/x-tex\">x</annotation></semantics></math>")
    }

    @Test func deterministic() {
        let tex = "\\sum_{i=1}^n \\frac{\\partial \\ell}{\\partial \\theta_i} \\begin{pmatrix} a & b \\end{pmatrix}"
        #expect(MathML.render(tex, display: true) == MathML.render(tex, display: true))
    }
}
