extension MathMacros {
    /// Commands defined as TeX in terms of others, as LaTeX packages define them (`braket`,
    /// `amsopn`, KaTeX's `\R`). A page's own definition of the same name wins.
    static let builtins: [String: MathMacro] = {
        func macro(_ body: String, _ parameters: Int = 0) -> MathMacro {
            MathMacro(parameters: parameters, defaultArgument: nil, body: body)
        }
        return [
            "R": macro("\\mathbb{R}"), "N": macro("\\mathbb{N}"), "Z": macro("\\mathbb{Z}"),
            "bra": macro("\\mathinner{\\langle{#1}|}", 1), "ket": macro("\\mathinner{|{#1}\\rangle}", 1),
            "braket": macro("\\mathinner{\\langle{#1}\\rangle}", 1),
            "Bra": macro("\\left\\langle #1\\right|", 1), "Ket": macro("\\left|#1\\right\\rangle", 1),
            "Braket": macro("\\left\\langle #1\\right\\rangle", 1),
            "set": macro("\\{#1\\}", 1), "Set": macro("\\left\\{\\:#1\\:\\right\\}", 1),
            "operatornamewithlimits": macro("\\operatorname*{#1}", 1),
            "TeX": macro("\\mathrm{T\\kern-.1667em\\raisebox{-.5ex}{E}\\kern-.125em X}"),
            "LaTeX": macro("\\mathrm{L\\kern-.36em\\raisebox{.2em}{\\footnotesize A}\\kern-.15em T\\kern-.1667em\\raisebox{-.5ex}{E}\\kern-.125em X}"),
            "KaTeX": macro("\\mathrm{K\\kern-.17em\\raisebox{.2em}{\\footnotesize A}\\kern-.15em T\\kern-.1667em\\raisebox{-.5ex}{E}\\kern-.125em X}"),
            "varinjlim": macro("\\mathop{\\underrightarrow{\\mathrm{lim}}}\\limits"),
            "varprojlim": macro("\\mathop{\\underleftarrow{\\mathrm{lim}}}\\limits"),
            "varliminf": macro("\\mathop{\\underline{\\mathrm{lim}}}\\limits"),
            "varlimsup": macro("\\mathop{\\overline{\\mathrm{lim}}}\\limits"),
            "space": macro("\\ "), "nobreakspace": macro("~"),
            "mathclap": macro("\\clap{#1}", 1), "mathllap": macro("\\llap{#1}", 1), "mathrlap": macro("\\rlap{#1}", 1),
            "Relbar": macro("\\mathrel{=}"), "relbar": macro("\\mathrel{-}"),
            "overbracket": macro("\\overbrace{#1}", 1), "underbracket": macro("\\underbrace{#1}", 1),
            "overgroup": macro("\\overparen{#1}", 1), "undergroup": macro("\\underparen{#1}", 1),
            "emph": macro("\\textit{#1}", 1),
            "angln": macro("\\angl{n}"),
        ]
    }()
}
