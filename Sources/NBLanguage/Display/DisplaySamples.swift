/// Display items of every kind, produced by running real cells — fixtures for renderer and
/// transcript tests. Several carry markup (`<script>`, `&`, quotes) that a renderer must escape.
public enum DisplaySamples {
    /// The cell the samples come from.
    public static let source = """
    print("<script>alert('x') & \\"quoted\\"</script>")
    "<b>bold</b> & <script>"
    [[1, 2], [3, 4.5]]
    dual(6, 2)
    f(x) = x^3 + 2*x
    derivative(f)
    g(x, y) = x*y + sin(x)
    gradtable(g, [1, 2])
    plot(linspace(0, 1, 5), [0, 1, 4, 9, 16], title: "<script>plot</script>", label: "a & b")
    scatter([1, 2, 3], [3, 1, 2], groups: [0, 1, 0])
    hsweep(x -> exp(x), 1)
    swell(f, g)
    """

    /// The items `source` displays, in order.
    public static func items() -> [DisplayItem] {
        Session().run(cell: source).items
    }
}
