import ArgumentParser
import NBRender

extension SiteFormat: ExpressibleByArgument {}
