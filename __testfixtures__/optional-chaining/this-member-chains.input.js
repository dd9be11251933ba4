// Repeated member chains without calls: `this.x` is read twice before and once after (getters assumed pure).
class View {
  render() {
    if (this.el && this.el.parentNode) this.el.parentNode.removeChild(this.el);
    if (this.model && this.model.attrs && this.model.attrs.title) return true;
    return !!(this.options && this.options.silent);
  }
}
