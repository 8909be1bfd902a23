/// Golden outputs checked by eye (see `Golden`); regenerate with `NB_UPDATE_GOLDEN=1`.
enum GoldenFixtures {
    /// `SVGPlotTests.goldenSmallPlot`.
    static let smallPlot = ##"""
<svg class="nb-plot" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 500 384" width="500" height="384" role="img" font-family="system-ui, -apple-system, Segoe UI, Helvetica, Arial, sans-serif">
<title>y = x²</title>
<desc>2 series; 7 points; series: x², samples</desc>
<path class="nb-grid" d="M67 38V298M167.24 38V298M267.48 38V298M367.72 38V298M467.96 38V298M50.96 288.37H484M50.96 228.19H484M50.96 168H484M50.96 107.81H484M50.96 47.63H484" fill="none" stroke="currentColor" stroke-opacity="0.13" stroke-width="1"/>
<path class="nb-line nb-s0" d="M67 47.63L167.24 228.19 267.48 288.37 367.72 228.19 467.96 47.63" fill="none" stroke="#2f6db0" stroke-width="2" stroke-linejoin="round" stroke-linecap="round"/>
<g class="nb-dots nb-s0" fill="#2f6db0">
<circle cx="67" cy="47.63" r="2.5"/>
<circle cx="167.24" cy="228.19" r="2.5"/>
<circle cx="267.48" cy="288.37" r="2.5"/>
<circle cx="367.72" cy="228.19" r="2.5"/>
<circle cx="467.96" cy="47.63" r="2.5"/>
</g>
<g class="nb-dots nb-s1" fill="#d4700f">
<circle cx="117.12" cy="168" r="3"/>
<circle cx="317.6" cy="258.28" r="3"/>
</g>
<path class="nb-axis" d="M50.96 38V298H484M67 298v5M167.24 298v5M267.48 298v5M367.72 298v5M467.96 298v5M50.96 288.37h-5M50.96 228.19h-5M50.96 168h-5M50.96 107.81h-5M50.96 47.63h-5" fill="none" stroke="currentColor" stroke-width="1"/>
<line class="nb-marker" x1="267.48" y1="38" x2="267.48" y2="298" stroke="currentColor" stroke-width="1.2" stroke-dasharray="5 4"/>
<text class="nb-marker-label nb-halo" x="272.48" y="52" text-anchor="start" font-size="14" fill="currentColor">minimum</text>
<g class="nb-plot-text" fill="currentColor" font-size="14">
<text x="67" y="318.2" text-anchor="middle">−2</text>
<text x="167.24" y="318.2" text-anchor="middle">−1</text>
<text x="267.48" y="318.2" text-anchor="middle">0</text>
<text x="367.72" y="318.2" text-anchor="middle">1</text>
<text x="467.96" y="318.2" text-anchor="middle">2</text>
<text x="41.96" y="293.27" text-anchor="end">0</text>
<text x="41.96" y="233.09" text-anchor="end">1</text>
<text x="41.96" y="172.9" text-anchor="end">2</text>
<text x="41.96" y="112.71" text-anchor="end">3</text>
<text x="41.96" y="52.53" text-anchor="end">4</text>
<text class="nb-axis-label" x="267.48" y="341" text-anchor="middle" font-size="15">x</text>
<text class="nb-axis-label" x="20" y="168" text-anchor="middle" transform="rotate(-90 20 168)" font-size="15">y</text>
<text class="nb-plot-title" x="267.48" y="22.8" text-anchor="middle" font-size="16" font-weight="600">y = x²</text>
</g>
<g class="nb-legend" font-size="14">
<line class="nb-line nb-s0" x1="50.96" y1="364" x2="66.96" y2="364" stroke="#2f6db0" stroke-width="2"/>
<circle class="nb-dot nb-s0" cx="58.96" cy="364" r="2.5" fill="#2f6db0"/>
<text x="72.96" y="368.9" fill="currentColor">x²</text>
<circle class="nb-dot nb-s1" cx="111.52" cy="364" r="3.5" fill="#d4700f"/>
<text x="125.52" y="368.9" fill="currentColor">samples</text>
</g>
</svg>

"""##
}
