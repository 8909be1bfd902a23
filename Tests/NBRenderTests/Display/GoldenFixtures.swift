/// Golden outputs checked by eye (see `Golden`); regenerate with `NB_UPDATE_GOLDEN=1`.
enum GoldenFixtures {
    /// `SVGPlotTests.goldenSmallPlot`.
    static let smallPlot = ##"""
<svg class="nb-plot" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 560 404" width="560" height="404" role="img" font-family="system-ui, -apple-system, Segoe UI, Helvetica, Arial, sans-serif">
<title>y = x²</title>
<desc>2 series; 7 points; series: x², samples</desc>
<path class="nb-grid" d="M69.22 38V318M183.35 38V318M297.48 38V318M411.61 38V318M525.74 38V318M50.96 307.63H544M50.96 242.81H544M50.96 178H544M50.96 113.19H544M50.96 48.37H544" fill="none" stroke="currentColor" stroke-opacity="0.13" stroke-width="1"/>
<path class="nb-line nb-s0" d="M69.22 48.37L183.35 242.81 297.48 307.63 411.61 242.81 525.74 48.37" fill="none" stroke="#2f6db0" stroke-width="2" stroke-linejoin="round" stroke-linecap="round"/>
<g class="nb-dots nb-s0" fill="#2f6db0">
<circle cx="69.22" cy="48.37" r="2.5"/>
<circle cx="183.35" cy="242.81" r="2.5"/>
<circle cx="297.48" cy="307.63" r="2.5"/>
<circle cx="411.61" cy="242.81" r="2.5"/>
<circle cx="525.74" cy="48.37" r="2.5"/>
</g>
<g class="nb-dots nb-s1" fill="#e07b1a">
<circle cx="126.29" cy="178" r="3"/>
<circle cx="354.54" cy="275.22" r="3"/>
</g>
<path class="nb-axis" d="M50.96 38V318H544M69.22 318v5M183.35 318v5M297.48 318v5M411.61 318v5M525.74 318v5M50.96 307.63h-5M50.96 242.81h-5M50.96 178h-5M50.96 113.19h-5M50.96 48.37h-5" fill="none" stroke="currentColor" stroke-width="1"/>
<line class="nb-marker" x1="297.48" y1="38" x2="297.48" y2="318" stroke="currentColor" stroke-width="1.2" stroke-dasharray="5 4"/>
<text class="nb-marker-label nb-halo" x="302.48" y="52" text-anchor="start" font-size="14" fill="currentColor">minimum</text>
<g class="nb-plot-text" fill="currentColor" font-size="14">
<text x="69.22" y="338.2" text-anchor="middle">−2</text>
<text x="183.35" y="338.2" text-anchor="middle">−1</text>
<text x="297.48" y="338.2" text-anchor="middle">0</text>
<text x="411.61" y="338.2" text-anchor="middle">1</text>
<text x="525.74" y="338.2" text-anchor="middle">2</text>
<text x="41.96" y="312.53" text-anchor="end">0</text>
<text x="41.96" y="247.71" text-anchor="end">1</text>
<text x="41.96" y="182.9" text-anchor="end">2</text>
<text x="41.96" y="118.09" text-anchor="end">3</text>
<text x="41.96" y="53.27" text-anchor="end">4</text>
<text class="nb-axis-label" x="297.48" y="361" text-anchor="middle" font-size="15">x</text>
<text class="nb-axis-label" x="20" y="178" text-anchor="middle" transform="rotate(-90 20 178)" font-size="15">y</text>
<text class="nb-plot-title" x="297.48" y="22.8" text-anchor="middle" font-size="16" font-weight="600">y = x²</text>
</g>
<g class="nb-legend" font-size="14">
<line class="nb-line nb-s0" x1="50.96" y1="384" x2="66.96" y2="384" stroke="#2f6db0" stroke-width="2"/>
<circle class="nb-dot nb-s0" cx="58.96" cy="384" r="2.5" fill="#2f6db0"/>
<text x="72.96" y="388.9" fill="currentColor">x²</text>
<circle class="nb-dot nb-s1" cx="111.52" cy="384" r="3.5" fill="#e07b1a"/>
<text x="125.52" y="388.9" fill="currentColor">samples</text>
</g>
</svg>

"""##
}
